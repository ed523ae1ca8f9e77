package org.lunchrush.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Figures of one order phase (warmup or measured). Latencies are in microseconds. Outcome
 * keys are {@code 202}, {@code <status>/<error code>} (for example {@code 409/SOLD_OUT}),
 * a bare status when the body had no code, or
 * {@code timeout}/{@code io-error/<exception>} when no answer arrived.
 */
final class PhaseStats {

	private final int planned;

	private final Histogram acceptedLatency = new ConcurrentHistogram(3);

	private final Histogram answerLatency = new ConcurrentHistogram(3);

	private final Histogram refusedLatency = new ConcurrentHistogram(3);

	private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

	private final AtomicLong done = new AtomicLong();

	private final LongAdder accepted = new LongAdder();

	private final AcceptedOrder[] acceptedOrders;

	private volatile long startNanos;

	private volatile long endNanos;

	PhaseStats(int planned) {
		this.planned = planned;
		this.acceptedOrders = new AcceptedOrder[planned];
	}

	void start() {
		this.startNanos = System.nanoTime();
	}

	void finish() {
		this.endNanos = System.nanoTime();
	}

	long startNanos() {
		return this.startNanos;
	}

	/**
	 * Records one order request.
	 * @param sequence the order's number in the phase
	 * @param attempt what came of it
	 */
	void record(int sequence, Attempt attempt) {
		switch (attempt.kind()) {
			case ACCEPTED -> recordAccepted(sequence, attempt.micros(), attempt.outcome(), attempt.order());
			case REFUSED -> {
				this.refusedLatency.recordValue(attempt.micros());
				recordRejected(attempt.micros(), attempt.outcome());
			}
			case OTHER -> recordRejected(attempt.micros(), attempt.outcome());
			case NO_ANSWER -> recordNoAnswer(attempt.outcome());
		}
	}

	void recordAccepted(int sequence, long micros, String outcome, AcceptedOrder order) {
		this.acceptedLatency.recordValue(micros);
		this.answerLatency.recordValue(micros);
		this.acceptedOrders[sequence] = order;
		this.accepted.increment();
		count(outcome);
	}

	void recordRejected(long micros, String outcome) {
		this.answerLatency.recordValue(micros);
		count(outcome);
	}

	void recordNoAnswer(String outcome) {
		count(outcome);
	}

	private void count(String outcome) {
		this.outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
		this.done.incrementAndGet();
	}

	int planned() {
		return this.planned;
	}

	long done() {
		return this.done.get();
	}

	long accepted() {
		return this.accepted.sum();
	}

	Histogram acceptedLatency() {
		return this.acceptedLatency;
	}

	Histogram answerLatency() {
		return this.answerLatency;
	}

	/**
	 * Latency of the answers that refused an order for load ({@code 429}, {@code 503}).
	 * @return the histogram, microseconds
	 */
	Histogram refusedLatency() {
		return this.refusedLatency;
	}

	long refused() {
		return this.refusedLatency.getTotalCount();
	}

	/**
	 * Orders neither accepted nor refused for load: other answers and no answer.
	 * @return the count
	 */
	long errors() {
		return done() - accepted() - refused();
	}

	double elapsedSeconds() {
		long end = (this.endNanos != 0) ? this.endNanos : System.nanoTime();
		return Math.max(1e-9, (end - this.startNanos) / 1e9);
	}

	/**
	 * The accepted orders that carried an order id. Call only after the phase has ended.
	 * @return the accepted orders in placement order
	 */
	List<AcceptedOrder> acceptedOrders() {
		List<AcceptedOrder> orders = new ArrayList<>();
		for (AcceptedOrder order : this.acceptedOrders) {
			if (order != null) {
				orders.add(order);
			}
		}
		return orders;
	}

	/**
	 * Every outcome with its count, most frequent first.
	 * @return outcome key to count
	 */
	Map<String, Long> outcomes() {
		return sortedByCount(this.outcomes, (key) -> key);
	}

	/**
	 * Counts per HTTP status ({@code timeout} and {@code io-error} stay as they are).
	 * @return status to count
	 */
	Map<String, Long> statuses() {
		return sortedByCount(this.outcomes, (key) -> {
			int slash = key.indexOf('/');
			return (slash > 0 && Character.isDigit(key.charAt(0))) ? key.substring(0, slash) : key;
		});
	}

	/**
	 * Counts per error {@code code} of the error bodies.
	 * @return error code to count
	 */
	Map<String, Long> errorCodes() {
		Map<String, LongAdder> codes = new TreeMap<>();
		this.outcomes.forEach((key, count) -> {
			int slash = key.indexOf('/');
			if (slash > 0 && Character.isDigit(key.charAt(0)) && !key.startsWith("202/")) {
				codes.computeIfAbsent(key.substring(slash + 1), (code) -> new LongAdder()).add(count.sum());
			}
		});
		return sortedByCount(codes, (key) -> key);
	}

	private static Map<String, Long> sortedByCount(Map<String, LongAdder> counts, Function<String, String> grouping) {
		Map<String, Long> grouped = new TreeMap<>();
		counts.forEach((key, count) -> grouped.merge(grouping.apply(key), count.sum(), Long::sum));
		Map<String, Long> sorted = new LinkedHashMap<>();
		grouped.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
			.forEach((entry) -> sorted.put(entry.getKey(), entry.getValue()));
		return sorted;
	}

	static String format(Map<String, Long> counts) {
		if (counts.isEmpty()) {
			return "-";
		}
		StringBuilder text = new StringBuilder();
		counts.forEach((key, count) -> text.append((text.isEmpty()) ? "" : "  ").append(key).append('=').append(count));
		return text.toString();
	}

}
