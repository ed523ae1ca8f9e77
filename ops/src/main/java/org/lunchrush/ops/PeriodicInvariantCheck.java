package org.lunchrush.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.lunchrush.cluster.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the invariant check every {@code lunchrush.ops.invariant-check-interval} (1 min),
 * so that its gauges ({@link InvariantMeters}) stay fresh for Prometheus without an
 * operator asking. One process runs it per interval (the lease {@value #LEASE}): the
 * check reads every order accepted within the hour, so N processes running it would cost
 * N times as much for the same answer. The process that ran it leaves the counts in Redis
 * ({@value #LAST_REPORT_KEY}); the others take them up for their own gauges, so every
 * instance shows the same last report with the time it was made, and an alert reading any
 * of them (the largest count, or the oldest run) sees it.
 */
@Component
class PeriodicInvariantCheck {

	static final String LEASE = "invariant-check";

	static final String LAST_REPORT_KEY = "lr:invariants:last";

	private static final Logger log = LoggerFactory.getLogger(PeriodicInvariantCheck.class);

	private final InvariantCheck check;

	private final InvariantMeters meters;

	private final Leases leases;

	private final StringRedisTemplate redis;

	private final Duration interval;

	PeriodicInvariantCheck(InvariantCheck check, InvariantMeters meters, Leases leases, StringRedisTemplate redis,
			@Value("${lunchrush.ops.invariant-check-interval:1m}") Duration interval) {
		this.check = check;
		this.meters = meters;
		this.leases = leases;
		this.redis = redis;
		this.interval = interval;
	}

	@Scheduled(fixedDelayString = "${lunchrush.ops.invariant-check-interval:1m}",
			initialDelayString = "${lunchrush.ops.invariant-check-interval:1m}")
	void run() {
		boolean ran;
		try {
			ran = this.leases.runExclusively(LEASE, Leases.atLeastForInterval(this.interval),
					this.interval.multipliedBy(5), (fence) -> runHere());
		}
		catch (RuntimeException ex) {
			log.warn("Periodic invariant check not run ({}); trying again in {}", ex.toString(), this.interval);
			return;
		}
		if (!ran) {
			adoptLastReport();
		}
	}

	private void runHere() {
		InvariantReport report = this.check.run();
		if (!report.ok()) {
			report.checks()
				.stream()
				.filter((broken) -> broken.count() > 0)
				.forEach((broken) -> log.warn("Invariant {} broken {} times, e.g. {}", broken.name(), broken.count(),
						broken.examples()));
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		report.checks().forEach((each) -> counts.put(each.name(), each.count()));
		try {
			this.redis.opsForValue()
				.set(LAST_REPORT_KEY, encode(Instant.now(), counts), this.interval.multipliedBy(10).toMillis(),
						TimeUnit.MILLISECONDS);
		}
		catch (RuntimeException ex) {
			log.debug("Invariant report not shared: {}", ex.toString());
		}
	}

	/**
	 * This process's gauges from the report another process made.
	 */
	private void adoptLastReport() {
		try {
			String text = this.redis.opsForValue().get(LAST_REPORT_KEY);
			if (text != null) {
				LastReport last = decode(text);
				this.meters.record(last.counts(), last.at());
			}
		}
		catch (RuntimeException ex) {
			log.debug("Shared invariant report not read: {}", ex.toString());
		}
	}

	/**
	 * {@code <epoch millis>;NAME=count;…}
	 */
	static String encode(Instant at, Map<String, Long> counts) {
		StringBuilder text = new StringBuilder(Long.toString(at.toEpochMilli()));
		counts.forEach((name, count) -> text.append(';').append(name).append('=').append(count));
		return text.toString();
	}

	static LastReport decode(String text) {
		String[] parts = text.split(";");
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 1; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			counts.put(parts[i].substring(0, equals), Long.parseLong(parts[i].substring(equals + 1)));
		}
		return new LastReport(Instant.ofEpochMilli(Long.parseLong(parts[0])), counts);
	}

	record LastReport(Instant at, Map<String, Long> counts) {
	}

}
