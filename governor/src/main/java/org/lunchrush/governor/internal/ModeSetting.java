package org.lunchrush.governor.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A switch's mode as operators last set it.
 *
 * @param setBy the operator's account id, empty for a switch no operator ever set
 * @param setAt when, empty likewise
 */
record ModeSetting(SwitchMode mode, Optional<Long> setBy, Optional<Instant> setAt) {

	static final ModeSetting AUTO = new ModeSetting(SwitchMode.AUTO, Optional.empty(), Optional.empty());

	ModeSetting {
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(setBy, "setBy");
		Objects.requireNonNull(setAt, "setAt");
	}

	static ModeSetting by(SwitchMode mode, long operator, Instant at) {
		return new ModeSetting(mode, Optional.of(operator), Optional.of(at));
	}

}
