package org.lunchrush.governor.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order route's recent latency, read from the timer every request already updates
 * ({@code http.server.requests}, {@code POST /api/v1/orders}, every status): nothing is
 * added to the order path. The platform's registry keeps that timer's histogram buckets
 * cumulative since the start (the buckets application.yml declares for the latency
 * alert); the window subtracts the figures of about {@code window} ago from today's, and
 * reads the 99th percentile off the difference the way Prometheus'
 * {@code histogram_quantile} does (linear within the bucket), so the governor and the
 * latency alert see the same p99.
 */
final class OrderLatencyWindow {

	static final String METER = "http.server.requests";

	static final String ORDER_ROUTE = "/api/v1/orders";

	private static final Logger log = LoggerFactory.getLogger(OrderLatencyWindow.class);

	private final MeterRegistry registry;

	private final Duration window;

	private final Deque<Figures> figures = new ArrayDeque<>();

	private boolean warnedNoBuckets;

	OrderLatencyWindow(MeterRegistry registry, Duration window) {
		this.registry = registry;
		this.window = window;
	}

	/**
	 * Reads the timer now.
	 * @return the order requests answered since about {@code window} ago (since the first
	 * reading, before a window has passed) and their p99
	 */
	synchronized Latency read(Instant at) {
		Figures now = figures(at);
		this.figures.addLast(now);
		// The baseline is the newest reading at least a window old.
		while (this.figures.size() > 2) {
			Iterator<Figures> oldest = this.figures.iterator();
			oldest.next();
			if (oldest.next().at().isAfter(at.minus(this.window))) {
				break;
			}
			this.figures.removeFirst();
		}
		Figures baseline = this.figures.peekFirst();
		long requests = now.count() - baseline.count();
		if (baseline == now || requests <= 0) {
			return new Latency(Math.max(requests, 0), Optional.empty());
		}
		NavigableMap<Double, Long> buckets = new TreeMap<>();
		for (Map.Entry<Double, Long> bucket : now.buckets().entrySet()) {
			long count = bucket.getValue() - baseline.buckets().getOrDefault(bucket.getKey(), 0L);
			if (count < 0) {
				// Not cumulative after all (another registry): start again rather than
				// guess.
				this.figures.clear();
				this.figures.addLast(now);
				return new Latency(requests, Optional.empty());
			}
			buckets.put(bucket.getKey(), count);
		}
		if (buckets.isEmpty() && !this.warnedNoBuckets) {
			this.warnedNoBuckets = true;
			log.warn(
					"The order route's timer ({} {}) has no histogram buckets: the governor cannot tell its p99 "
							+ "and decides on CPU alone (management.metrics.distribution.slo in application.yml)",
					METER, ORDER_ROUTE);
		}
		return new Latency(requests, quantile(0.99, buckets, requests));
	}

	/**
	 * The quantile as Prometheus' {@code histogram_quantile} estimates it: the first
	 * bucket whose count reaches the rank, linear within it. Above the last bound: the
	 * last bound (at least that much).
	 * @param cumulative requests at or below each bound (nanoseconds)
	 * @param total every request, above the last bound too
	 */
	static Optional<Duration> quantile(double q, NavigableMap<Double, Long> cumulative, long total) {
		if (total <= 0 || cumulative.isEmpty()) {
			return Optional.empty();
		}
		double rank = q * total;
		double lowerBound = 0;
		long lowerCount = 0;
		for (Map.Entry<Double, Long> bucket : cumulative.entrySet()) {
			double bound = bucket.getKey();
			long count = bucket.getValue();
			if (Double.isInfinite(bound)) {
				break;
			}
			if (count >= rank) {
				double within = (count == lowerCount) ? 1 : (rank - lowerCount) / (count - lowerCount);
				return Optional.of(Duration.ofNanos(Math.round(lowerBound + (bound - lowerBound) * within)));
			}
			lowerBound = bound;
			lowerCount = count;
		}
		return Optional.of(Duration.ofNanos(Math.round(lowerBound)));
	}

	private Figures figures(Instant at) {
		long count = 0;
		NavigableMap<Double, Long> buckets = new TreeMap<>();
		for (Timer timer : this.registry.find(METER).tag("method", "POST").tag("uri", ORDER_ROUTE).timers()) {
			HistogramSnapshot snapshot = timer.takeSnapshot();
			count += snapshot.count();
			for (CountAtBucket bucket : snapshot.histogramCounts()) {
				buckets.merge(bucket.bucket(TimeUnit.NANOSECONDS), (long) bucket.count(), Long::sum);
			}
		}
		return new Figures(at, count, buckets);
	}

	/**
	 * The order route's cumulative figures at one moment: requests, and requests at or
	 * below each bucket's bound (nanoseconds).
	 */
	private record Figures(Instant at, long count, NavigableMap<Double, Long> buckets) {
	}

	/**
	 * @param requests order requests answered in the window
	 * @param p99 their 99th percentile, empty without any (or without buckets)
	 */
	record Latency(long requests, Optional<Duration> p99) {
	}

}
