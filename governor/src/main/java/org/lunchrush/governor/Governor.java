package org.lunchrush.governor;

import org.lunchrush.kernel.LunchrushException;

/**
 * Whether a non-core feature may run now in this process. The answer is this process's
 * own: its own CPU and order latency decide, unless an operator forced the switch ON or
 * OFF for every process. Asking costs a field read, so a feature may ask on every
 * request.
 */
public interface Governor {

	/**
	 * @return whether the feature is on in this process now
	 */
	boolean isOn(Feature feature);

	/**
	 * Refuses a request for a feature that is switched off, before any of its work is
	 * done.
	 * @throws LunchrushException {@code 503 DEGRADED}, {@code details.switch} naming the
	 * feature and {@code details.retryAfterSeconds} the governor's cool-down, when the
	 * feature is off
	 */
	void requireOn(Feature feature);

}
