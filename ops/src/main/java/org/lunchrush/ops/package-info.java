/**
 * Operations: the admin APIs, starting with the invariant check that tells operators
 * whether any order, yuan or portion has gone wrong, the daily settlement, and each
 * stall's report of its business counted with the settlement's money rules, and the peak
 * forecast that sizes the platform before the lunch rush.
 */
@ApplicationModule(displayName = "Ops")
package org.lunchrush.ops;

import org.springframework.modulith.ApplicationModule;
