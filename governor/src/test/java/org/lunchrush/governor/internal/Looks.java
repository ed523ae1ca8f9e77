package org.lunchrush.governor.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Looks at the load for the governor's tests, on a clock of their own: each look is taken
 * a second after the previous one.
 */
final class Looks {

	private Instant now = Instant.parse("2026-12-06T03:50:00Z");

	/**
	 * @return a look a second later with this CPU (percent) and no order request
	 */
	Measurements cpu(double percent) {
		return look(percent, 0, Optional.empty());
	}

	/**
	 * @return a look a second later with a quiet CPU and this many order requests at this
	 * p99
	 */
	Measurements orders(long requests, int p99Millis) {
		return look(10, requests, Optional.of(Duration.ofMillis(p99Millis)));
	}

	/**
	 * @return a look a second later with a quiet CPU and no order request
	 */
	Measurements quiet() {
		return look(10, 0, Optional.empty());
	}

	Measurements look(double cpuPercent, long requests, Optional<Duration> p99) {
		this.now = this.now.plusSeconds(1);
		return new Measurements(this.now, cpuPercent / 100, cpuPercent / 200, requests, p99);
	}

	Instant now() {
		return this.now;
	}

}
