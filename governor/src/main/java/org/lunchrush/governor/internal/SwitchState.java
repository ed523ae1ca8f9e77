package org.lunchrush.governor.internal;

import java.time.Instant;

import org.lunchrush.governor.Feature;

/**
 * A switch as this process has it now.
 *
 * @param on whether the feature runs
 * @param setting the mode operators chose, and who chose it when
 * @param reason why it is on or off
 * @param since when it last went on or off in this process (the start, before any change)
 */
record SwitchState(Feature feature, boolean on, ModeSetting setting, String reason, Instant since) {

	String state() {
		return this.on ? "ON" : "OFF";
	}

}
