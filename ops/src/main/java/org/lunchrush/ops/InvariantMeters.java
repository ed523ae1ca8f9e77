package org.lunchrush.ops;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

import org.springframework.stereotype.Component;

/**
 * The last invariant check's result as gauges, for alerts and dashboards:
 * {@code lunchrush.invariants.violations{check}} (how often each invariant was broken,
 * {@code STUCK_PAST_TIMEOUT} and {@code STUCK_PLACED} being the stuck orders),
 * {@code lunchrush.invariants.ok} (1 when every count was zero, 0 otherwise) and
 * {@code lunchrush.invariants.last.run.timestamp} (when it ran, in seconds since the
 * epoch). Set by every run, the operators' and the periodic one alike, and from the
 * report another process shared ({@link PeriodicInvariantCheck}); a scrape reads them and
 * runs nothing. Not a number until the first run.
 */
@Component
class InvariantMeters {

	private final MeterRegistry meters;

	private final Map<String, Double> violations = new ConcurrentHashMap<>();

	private volatile double ok = Double.NaN;

	private volatile double lastRun = Double.NaN;

	InvariantMeters(MeterRegistry meters) {
		this.meters = meters;
		Gauge.builder("lunchrush.invariants.ok", this, (gauge) -> gauge.ok)
			.description("1 when the last invariant check found every invariant holding, 0 when one was broken")
			.register(meters);
		TimeGauge.builder("lunchrush.invariants.last.run.timestamp", this, TimeUnit.SECONDS, (gauge) -> gauge.lastRun)
			.description("When the last invariant check ran, seconds since the epoch")
			.register(meters);
	}

	void record(InvariantReport report, Instant at) {
		Map<String, Long> counts = new LinkedHashMap<>();
		report.checks().forEach((check) -> counts.put(check.name(), check.count()));
		record(counts, at);
	}

	/**
	 * @param counts how often each invariant was broken, by name
	 * @param at when the check ran (here, or in the process that shared its report)
	 */
	void record(Map<String, Long> counts, Instant at) {
		counts.forEach((name, count) -> {
			if (this.violations.put(name, (double) count) == null) {
				Gauge.builder("lunchrush.invariants.violations", this.violations, (all) -> all.get(name))
					.description("How often the last invariant check found each invariant broken")
					.tag("check", name)
					.register(this.meters);
			}
		});
		this.ok = counts.values().stream().allMatch((count) -> count == 0) ? 1 : 0;
		this.lastRun = at.toEpochMilli() / 1000.0;
	}

}
