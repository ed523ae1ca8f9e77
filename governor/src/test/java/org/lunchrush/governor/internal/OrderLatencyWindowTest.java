package org.lunchrush.governor.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window reads the order route's timer as the platform's Prometheus registry keeps
 * it, with the buckets application.yml declares for {@code http.server.requests}.
 */
class OrderLatencyWindowTest {

	private static final Duration[] BUCKETS = { Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
			Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
			Duration.ofSeconds(5), Duration.ofSeconds(10) };

	private final MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	private final OrderLatencyWindow window = new OrderLatencyWindow(this.registry, Duration.ofSeconds(10));

	private Instant now = Instant.parse("2026-12-06T03:50:00Z");

	private Timer timer(String method, String uri, String status) {
		return Timer.builder("http.server.requests")
			.tags("method", method, "uri", uri, "status", status, "outcome", "SUCCESS", "exception", "none")
			.serviceLevelObjectives(BUCKETS)
			.register(this.registry);
	}

	private void orders(int count, Duration each) {
		for (int i = 0; i < count; i++) {
			timer("POST", "/api/v1/orders", "202").record(each);
		}
	}

	private OrderLatencyWindow.Latency secondLater() {
		this.now = this.now.plusSeconds(1);
		return this.window.read(this.now);
	}

	@Test
	void seesNothingBeforeItHasABaseline() {
		orders(50, Duration.ofMillis(30));

		assertThat(secondLater().requests()).isZero();
	}

	@Test
	void readsTheP99OfTheOrderRequestsSinceTheBaselineAsPrometheusWould() {
		secondLater();
		orders(97, Duration.ofMillis(3));
		orders(3, Duration.ofMillis(400));
		timer("POST", "/api/v1/orders", "429").record(Duration.ofMillis(1));

		OrderLatencyWindow.Latency latency = secondLater();

		assertThat(latency.requests()).as("every status").isEqualTo(101);
		// Rank 99.99 of 101 falls in the (250 ms, 500 ms] bucket, which holds the 99th to
		// the 101st: 250 + 250 × (99.99 - 98) / 3.
		assertThat(latency.p99()).hasValueSatisfying((p99) -> assertThat(p99.toNanos()).isEqualTo(415_833_333L));
	}

	@Test
	void slowRequestsOfOtherRoutesDoNotCount() {
		secondLater();
		orders(100, Duration.ofMillis(4));
		for (int i = 0; i < 100; i++) {
			timer("GET", "/api/v1/merchant/reports", "200").record(Duration.ofSeconds(2));
			timer("POST", "/api/v1/orders/quote", "200").record(Duration.ofSeconds(2));
		}

		OrderLatencyWindow.Latency latency = secondLater();

		assertThat(latency.requests()).isEqualTo(100);
		assertThat(latency.p99())
			.hasValueSatisfying((p99) -> assertThat(p99).isBetween(Duration.ofMillis(2), Duration.ofMillis(5)));
	}

	@Test
	void slowRequestsLeaveTheWindowOnceItHasPassed() {
		secondLater();
		orders(100, Duration.ofMillis(300));
		assertThat(secondLater().p99())
			.hasValueSatisfying((p99) -> assertThat(p99).isGreaterThan(Duration.ofMillis(250)));

		for (int i = 0; i < 10; i++) {
			orders(100, Duration.ofMillis(4));
			secondLater();
		}
		orders(100, Duration.ofMillis(4));
		OrderLatencyWindow.Latency latency = secondLater();

		assertThat(latency.requests()).as("the last 10 s").isEqualTo(1000);
		assertThat(latency.p99())
			.hasValueSatisfying((p99) -> assertThat(p99).isLessThanOrEqualTo(Duration.ofMillis(5)));
	}

	@Test
	void aQuietRouteHasNoP99() {
		secondLater();
		orders(40, Duration.ofMillis(20));
		secondLater();
		for (int i = 0; i < 10; i++) {
			secondLater();
		}

		OrderLatencyWindow.Latency latency = secondLater();

		assertThat(latency.requests()).isZero();
		assertThat(latency.p99()).isEmpty();
	}

	@Test
	void estimatesAQuantileLinearlyWithinItsBucket() {
		NavigableMap<Double, Long> cumulative = new TreeMap<>();
		cumulative.put(10e6, 50L);
		cumulative.put(50e6, 100L);

		assertThat(OrderLatencyWindow.quantile(0.99, cumulative, 100)).contains(Duration.ofNanos(49_200_000));
		assertThat(OrderLatencyWindow.quantile(0.5, cumulative, 100)).contains(Duration.ofMillis(10));
		assertThat(OrderLatencyWindow.quantile(0.99, cumulative, 200)).as("beyond the last bound")
			.contains(Duration.ofMillis(50));
		assertThat(OrderLatencyWindow.quantile(0.99, new TreeMap<>(), 100)).as("no buckets").isEmpty();
	}

}
