package org.lunchrush.governor.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an operator decided for a switch: the governor decides ({@code AUTO}), or it is
 * forced {@code ON} or {@code OFF} in every platform process whatever the load.
 */
enum SwitchMode {

	AUTO, ON, OFF;

	/**
	 * @return the mode of this exact name (upper case), empty for anything else
	 */
	static Optional<SwitchMode> named(String name) {
		return Arrays.stream(values()).filter((mode) -> mode.name().equals(name)).findFirst();
	}

}
