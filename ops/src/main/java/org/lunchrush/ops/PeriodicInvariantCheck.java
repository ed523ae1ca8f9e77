package org.lunchrush.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the invariant check every {@code lunchrush.ops.invariant-check-interval} (1 min),
 * so that its gauges ({@link InvariantMeters}) stay fresh for Prometheus without an
 * operator asking. Every instance runs it: it only reads, and an alert takes the largest
 * count any instance saw.
 */
@Component
class PeriodicInvariantCheck {

	private static final Logger log = LoggerFactory.getLogger(PeriodicInvariantCheck.class);

	private final InvariantCheck check;

	PeriodicInvariantCheck(InvariantCheck check) {
		this.check = check;
	}

	@Scheduled(fixedDelayString = "${lunchrush.ops.invariant-check-interval:1m}",
			initialDelayString = "${lunchrush.ops.invariant-check-interval:1m}")
	void run() {
		InvariantReport report = this.check.run();
		if (!report.ok()) {
			report.checks()
				.stream()
				.filter((broken) -> broken.count() > 0)
				.forEach((broken) -> log.warn("Invariant {} broken {} times, e.g. {}", broken.name(), broken.count(),
						broken.examples()));
		}
	}

}
