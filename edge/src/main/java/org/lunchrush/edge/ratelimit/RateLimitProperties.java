package org.lunchrush.edge.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token buckets on order intake.
 *
 * @param enabled whether intake is limited at all
 * @param studentCapacity orders one student may place per {@code studentPeriod} (also the
 * burst)
 * @param intakeCapacity orders the whole platform accepts per {@code intakePeriod}: it
 * guards what every instance shares and no instance adds to, the one Redis core (sized in
 * docs/benchmarks.md from its measured CPU per order)
 * @param maxInFlight order requests one instance works on at once; one more is refused
 * with {@code 429 RATE_LIMITED} at once (see {@link IntakeAdmission})
 */
@ConfigurationProperties("lunchrush.rate-limit")
record RateLimitProperties(boolean enabled, int studentCapacity, Duration studentPeriod, int intakeCapacity,
		Duration intakePeriod, int maxInFlight) {

	RateLimitProperties {
		studentCapacity = (studentCapacity > 0) ? studentCapacity : 30;
		studentPeriod = (studentPeriod != null) ? studentPeriod : Duration.ofMinutes(1);
		intakeCapacity = (intakeCapacity > 0) ? intakeCapacity : 8_000;
		intakePeriod = (intakePeriod != null) ? intakePeriod : Duration.ofSeconds(1);
		maxInFlight = (maxInFlight > 0) ? maxInFlight : 128;
	}

}
