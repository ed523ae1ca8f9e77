package org.lunchrush.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of an open-loop phase, counted from each order's intended send time (so
 * corrected for coordinated omission) and, for comparison, from the moment it was
 * actually sent; and figures per interval of the phase. Times are
 * {@link System#nanoTime()} values; latencies are recorded in microseconds.
 */
final class OpenLoopStats {

	/**
	 * What became of one order.
	 */
	enum Kind {

		/** {@code 202}. */
		ACCEPTED,

		/** {@code 429} or {@code 503}: refused for load. */
		REFUSED,

		/** Any other answer. */
		OTHER,

		/** No answer: timeout or transport error. */
		NO_ANSWER;

		static Kind ofStatus(int status) {
			return switch (status) {
				case 202 -> ACCEPTED;
				case 429, 503 -> REFUSED;
				default -> OTHER;
			};
		}

	}

	private final long startNanos;

	private final long bucketNanos;

	private final Histogram acceptedFromIntended = new ConcurrentHistogram(3);

	private final Histogram acceptedService = new ConcurrentHistogram(3);

	private final Histogram refusedFromIntended = new ConcurrentHistogram(3);

	private final Histogram senderLag = new ConcurrentHistogram(3);

	private final LongAdder heldBack = new LongAdder();

	private final AtomicLong lastSentNanos = new AtomicLong(Long.MIN_VALUE);

	private final AtomicLong lastDoneNanos = new AtomicLong(Long.MIN_VALUE);

	private final Bucket[] buckets;

	/**
	 * Figures of one interval: what the harness sent in it, what came back in it, and how
	 * long the orders meant to leave in it took.
	 */
	static final class Bucket {

		/** Requests actually sent in the interval. */
		final LongAdder sent = new LongAdder();

		/** {@code 202}s that arrived in the interval. */
		final LongAdder accepted = new LongAdder();

		/** {@code 429}s and {@code 503}s that arrived in the interval. */
		final LongAdder refused = new LongAdder();

		/** Other answers and failures that arrived in the interval. */
		final LongAdder errors = new LongAdder();

		/** Latency from the intended time of the 202s meant to leave in the interval. */
		final Histogram acceptedLatency = new ConcurrentHistogram(3);

		/**
		 * Latency from the intended time of the refusals meant to leave in the interval.
		 */
		final Histogram refusedLatency = new ConcurrentHistogram(3);

	}

	/**
	 * @param startNanos the phase's start, offset 0 of the schedule
	 * @param bucketNanos width of an interval of the per-interval figures
	 * @param spanNanos how far the intervals reach: the schedule and the time its last
	 * answers may take; later times go to the last interval
	 */
	OpenLoopStats(long startNanos, long bucketNanos, long spanNanos) {
		this.startNanos = startNanos;
		this.bucketNanos = bucketNanos;
		int count = (int) Math.min(100_000, Math.max(1, Math.ceilDiv(Math.max(1, spanNanos), bucketNanos)));
		this.buckets = new Bucket[count];
		for (int i = 0; i < count; i++) {
			this.buckets[i] = new Bucket();
		}
	}

	/**
	 * The sender had to wait for a free slot under the in-flight cap.
	 */
	void heldBack() {
		this.heldBack.increment();
	}

	/**
	 * Records one order.
	 * @param kind what became of it
	 * @param intendedNanos when the schedule meant to send it
	 * @param sentNanos when the request was handed to the HTTP client
	 * @param doneNanos when the answer (or the failure) arrived
	 */
	void record(Kind kind, long intendedNanos, long sentNanos, long doneNanos) {
		this.senderLag.recordValue(micros(sentNanos - intendedNanos));
		this.lastSentNanos.accumulateAndGet(sentNanos, Math::max);
		this.lastDoneNanos.accumulateAndGet(doneNanos, Math::max);
		bucketOf(sentNanos).sent.increment();
		Bucket answered = bucketOf(doneNanos);
		long fromIntended = micros(doneNanos - intendedNanos);
		switch (kind) {
			case ACCEPTED -> {
				this.acceptedFromIntended.recordValue(fromIntended);
				this.acceptedService.recordValue(micros(doneNanos - sentNanos));
				answered.accepted.increment();
				bucketOf(intendedNanos).acceptedLatency.recordValue(fromIntended);
			}
			case REFUSED -> {
				this.refusedFromIntended.recordValue(fromIntended);
				answered.refused.increment();
				bucketOf(intendedNanos).refusedLatency.recordValue(fromIntended);
			}
			case OTHER, NO_ANSWER -> answered.errors.increment();
		}
	}

	private Bucket bucketOf(long nanos) {
		return this.buckets[bucketIndex(nanos)];
	}

	private int bucketIndex(long nanos) {
		long index = Math.max(0, nanos - this.startNanos) / this.bucketNanos;
		return (int) Math.min(index, this.buckets.length - 1);
	}

	private static long micros(long nanos) {
		return Math.max(0, nanos / 1000);
	}

	/**
	 * Latency of the 202s from the intended send time (coordinated omission corrected).
	 */
	Histogram acceptedFromIntended() {
		return this.acceptedFromIntended;
	}

	/**
	 * Latency of the 202s from the actual send: what a closed-loop harness would report.
	 */
	Histogram acceptedService() {
		return this.acceptedService;
	}

	/** Latency of the 429 and 503 answers from the intended send time. */
	Histogram refusedFromIntended() {
		return this.refusedFromIntended;
	}

	/** How late each request left against its intended time. */
	Histogram senderLag() {
		return this.senderLag;
	}

	long heldBackCount() {
		return this.heldBack.sum();
	}

	/**
	 * Seconds from the start to the last actual send.
	 * @return seconds, or 0 before any send
	 */
	double sendingSeconds() {
		long last = this.lastSentNanos.get();
		return (last == Long.MIN_VALUE) ? 0 : Math.max(0, (last - this.startNanos) / 1e9);
	}

	long bucketNanos() {
		return this.bucketNanos;
	}

	int bucketCount() {
		return this.buckets.length;
	}

	/**
	 * Intervals that hold anything: those up to the one of the last answer.
	 * @return the number of intervals to show
	 */
	int usedBuckets() {
		long last = this.lastDoneNanos.get();
		return (last == Long.MIN_VALUE) ? 0 : bucketIndex(last) + 1;
	}

	Bucket bucket(int index) {
		return this.buckets[index];
	}

}
