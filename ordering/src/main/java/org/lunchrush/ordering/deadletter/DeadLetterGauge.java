package org.lunchrush.ordering.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code lunchrush.dead.letters.waiting}: the dead letters stored and not replayed yet,
 * counted every {@code lunchrush.ordering.dead-letter-count-interval} (30 s) rather than
 * on each scrape, so that a scraper, however often it asks, costs one small count per
 * interval. Not a number until the first count.
 */
@Component
class DeadLetterGauge {

	static final String METER = "lunchrush.dead.letters.waiting";

	private final DeadLetters letters;

	private volatile double waiting = Double.NaN;

	DeadLetterGauge(DeadLetters letters, MeterRegistry meters) {
		this.letters = letters;
		Gauge.builder(METER, this, (gauge) -> gauge.waiting)
			.description("Dead letters stored and not replayed yet (GET /api/v1/admin/dead-letters)")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${lunchrush.ordering.dead-letter-count-interval:30s}")
	void count() {
		this.waiting = this.letters.waiting();
	}

}
