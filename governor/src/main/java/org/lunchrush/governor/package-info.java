/**
 * Governor: keeps ordering and payment alive under load by switching off non-core
 * features (the hot list, heavy reports, the ETA refresh rate) while this process is
 * overloaded, with operator overrides that every platform process obeys.
 */
@ApplicationModule(displayName = "Governor")
package org.lunchrush.governor;

import org.springframework.modulith.ApplicationModule;
