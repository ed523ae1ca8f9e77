/**
 * Operations: the admin APIs, starting with the invariant check that tells operators
 * whether any order, yuan or portion has gone wrong.
 */
@ApplicationModule(displayName = "Ops")
package org.lunchrush.ops;

import org.springframework.modulith.ApplicationModule;
