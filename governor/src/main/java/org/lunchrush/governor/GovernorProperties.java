package org.lunchrush.governor;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the governor switches non-core features off and back on. It measures this process
 * every {@code interval}; it switches them off once the load has been high for
 * {@code sustain}, and back on only once it has been low for {@code cooldown}. High: CPU
 * above {@code cpuOff} percent, or the order route's p99 above {@code orderP99Off} (over
 * the last {@code window}, with at least {@code minOrderRequests} order requests in it).
 * Low: CPU below {@code cpuOn} percent and the order route's p99 below
 * {@code orderP99On}, or too few order requests for a p99. Between the two thresholds
 * nothing changes, so the switches do not flap.
 *
 * @param enabled whether the governor switches by itself ({@code true}); {@code false}:
 * features are on unless an operator switches them off
 * @param cpuOff CPU percent (the machine's, or the container's in one) above which the
 * load is high (80); 100 turns the CPU trigger off
 * @param cpuOn CPU percent below which it is low again (60)
 * @param orderP99Off the order route's p99 above which the load is high (50 ms, the
 * latency alert's threshold)
 * @param orderP99On the order route's p99 below which it is low again (25 ms)
 * @param minOrderRequests the fewest order requests in the window for its p99 to count
 * (20)
 * @param window how far back the order route's p99 looks (10 s)
 * @param sustain how long the load must stay high before the switches go off (5 s)
 * @param cooldown how long it must stay low before they come back on (30 s)
 * @param interval how often the load is measured and the operators' overrides are read (1
 * s)
 * @param etaRoundsWhenOff with the ETA refresh off, students are told their ETA after
 * every this-many-th dispatch round (4)
 */
@ConfigurationProperties("lunchrush.governor")
public record GovernorProperties(Boolean enabled, Integer cpuOff, Integer cpuOn, Duration orderP99Off,
		Duration orderP99On, Integer minOrderRequests, Duration window, Duration sustain, Duration cooldown,
		Duration interval, Integer etaRoundsWhenOff) {

	public GovernorProperties {
		enabled = (enabled != null) ? enabled : true;
		cpuOff = (cpuOff != null) ? cpuOff : 80;
		cpuOn = (cpuOn != null) ? cpuOn : 60;
		orderP99Off = (orderP99Off != null) ? orderP99Off : Duration.ofMillis(50);
		orderP99On = (orderP99On != null) ? orderP99On : Duration.ofMillis(25);
		minOrderRequests = (minOrderRequests != null) ? minOrderRequests : 20;
		window = (window != null) ? window : Duration.ofSeconds(10);
		sustain = (sustain != null) ? sustain : Duration.ofSeconds(5);
		cooldown = (cooldown != null) ? cooldown : Duration.ofSeconds(30);
		interval = (interval != null) ? interval : Duration.ofSeconds(1);
		etaRoundsWhenOff = (etaRoundsWhenOff != null) ? etaRoundsWhenOff : 4;
		if (cpuOff < 1 || cpuOff > 100 || cpuOn < 0 || cpuOn > cpuOff) {
			throw new IllegalArgumentException("lunchrush.governor needs 0 <= cpu-on <= cpu-off <= 100 (percent) and "
					+ "cpu-off >= 1, not cpu-on " + cpuOn + " and cpu-off " + cpuOff);
		}
		if (!positive(orderP99On) || orderP99Off.compareTo(orderP99On) < 0) {
			throw new IllegalArgumentException("lunchrush.governor needs 0 < order-p99-on <= order-p99-off, not "
					+ orderP99On + " and " + orderP99Off);
		}
		if (minOrderRequests < 1) {
			throw new IllegalArgumentException(
					"lunchrush.governor.min-order-requests must be at least 1, not " + minOrderRequests);
		}
		if (!positive(interval) || window.compareTo(interval) < 0) {
			throw new IllegalArgumentException("lunchrush.governor needs 0 < interval <= window, not interval "
					+ interval + " and window " + window);
		}
		if (sustain.isNegative() || cooldown.isNegative()) {
			throw new IllegalArgumentException("lunchrush.governor.sustain and cooldown cannot be negative");
		}
		if (etaRoundsWhenOff < 1) {
			throw new IllegalArgumentException(
					"lunchrush.governor.eta-rounds-when-off must be at least 1, not " + etaRoundsWhenOff);
		}
	}

	/**
	 * @return the governor's settings when nothing is configured
	 */
	public static GovernorProperties defaults() {
		return new GovernorProperties(null, null, null, null, null, null, null, null, null, null, null);
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
