package org.lunchrush.governor.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One look at this process's load.
 *
 * @param at when it was taken
 * @param cpu the CPU load of the machine (of the container, in one), 0 to 1; NaN when the
 * JVM cannot tell
 * @param processCpu this JVM's share of it, 0 to 1; NaN when unknown (shown, not decided
 * on)
 * @param orderRequests the order requests ({@code POST /api/v1/orders}) answered in the
 * window
 * @param orderP99 their 99th percentile latency; empty without any
 */
record Measurements(Instant at, double cpu, double processCpu, long orderRequests, Optional<Duration> orderP99) {

	Measurements {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(orderP99, "orderP99");
	}

	/**
	 * @return a look that saw nothing: no CPU figure and no order request
	 */
	static Measurements none(Instant at) {
		return new Measurements(at, Double.NaN, Double.NaN, 0, Optional.empty());
	}

	/**
	 * @return the CPU load in percent, NaN when unknown
	 */
	double cpuPercent() {
		return this.cpu * 100;
	}

}
