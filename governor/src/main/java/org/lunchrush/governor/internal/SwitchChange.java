package org.lunchrush.governor.internal;

import org.lunchrush.governor.Feature;

/**
 * A switch went on or off in this process.
 *
 * @param measurements the look at the load when it did
 */
record SwitchChange(Feature feature, boolean on, String reason, Measurements measurements) {

}
