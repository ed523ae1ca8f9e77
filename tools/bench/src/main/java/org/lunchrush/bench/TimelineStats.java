package org.lunchrush.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Figures of the timeline check: time from the client-side arrival of the 202 answer to
 * the {@code PENDING_PAYMENT} entry of the order's timeline, in microseconds.
 */
final class TimelineStats {

	private final int sampled;

	private final Histogram latency = new ConcurrentHistogram(3);

	private final AtomicLong checked = new AtomicLong();

	private final LongAdder missing = new LongAdder();

	private final LongAdder clamped = new LongAdder();

	private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

	private volatile String lastMissingReason;

	private volatile double seconds;

	TimelineStats(int sampled) {
		this.sampled = sampled;
	}

	void record(Instant acceptedAt, Instant pendingPaymentAt) {
		long micros = Duration.between(acceptedAt, pendingPaymentAt).toNanos() / 1000;
		if (micros < 0) {
			this.clamped.increment();
			micros = 0;
		}
		this.latency.recordValue(micros);
		this.checked.incrementAndGet();
	}

	void missing(String reason) {
		this.missing.increment();
		this.lastMissingReason = reason;
		this.checked.incrementAndGet();
	}

	void error(String outcome) {
		this.errors.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
		this.checked.incrementAndGet();
	}

	void finish(double seconds) {
		this.seconds = seconds;
	}

	int sampled() {
		return this.sampled;
	}

	long checked() {
		return this.checked.get();
	}

	long found() {
		return this.latency.getTotalCount();
	}

	long missing() {
		return this.missing.sum();
	}

	long clamped() {
		return this.clamped.sum();
	}

	long errorCount() {
		return this.errors.values().stream().mapToLong(LongAdder::sum).sum();
	}

	String errorSummary() {
		StringBuilder text = new StringBuilder();
		this.errors.forEach(
				(key, count) -> text.append((text.isEmpty()) ? "" : "  ").append(key).append('=').append(count.sum()));
		return text.isEmpty() ? "-" : text.toString();
	}

	String lastMissingReason() {
		return this.lastMissingReason;
	}

	Histogram latency() {
		return this.latency;
	}

	double seconds() {
		return this.seconds;
	}

}
