package org.lunchrush.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlNamesTest {

	@Test
	void aSelectorIsItsName() {
		assertThat(PromQlNames.of("up")).containsExactly("up");
		assertThat(PromQlNames.of("hikaricp_connections_active{job=\"lunchrush\", pool=~\"Hikari.*\"}"))
			.containsExactly("hikaricp_connections_active");
	}

	@Test
	void functionsAggregationsLabelsRangesAndNumbersAreNotNames() {
		assertThat(PromQlNames.of("histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket"
				+ "{method=\"POST\", uri=\"/api/v1/orders\"}[5m]))) > 0.05"))
			.containsExactly("http_server_requests_seconds_bucket");
		assertThat(PromQlNames.of("max by (job, check) (lunchrush_invariants_violations{check!~\"STUCK_.*\"}) > 0"))
			.containsExactly("lunchrush_invariants_violations");
		assertThat(PromQlNames.of("time() - max by (job) (lunchrush_invariants_last_run_timestamp_seconds) > 6e2"))
			.containsExactly("lunchrush_invariants_last_run_timestamp_seconds");
	}

	@Test
	void bothSidesOfABinaryOperationAreNamesAndKeywordsAreNot() {
		assertThat(PromQlNames.of("lunchrush:order_route_errors:ratio_rate5m > 0.01 and on (job) "
				+ "lunchrush:order_route_requests:rate5m > 1 unless bool x offset 5m"))
			.containsExactly("lunchrush:order_route_errors:ratio_rate5m", "lunchrush:order_route_requests:rate5m", "x");
		assertThat(PromQlNames.of("a / ignoring (pool) group_left (instance) b")).containsExactly("a", "b");
	}

	@Test
	void stringArgumentsAreNotNames() {
		assertThat(PromQlNames.of("label_replace(kafka_consumer_fetch_manager_records_lag_max, \"consumer_group\", "
				+ "\"$1\", \"client_id\", \"consumer-(.+?)-[0-9]+\")"))
			.containsExactly("kafka_consumer_fetch_manager_records_lag_max");
	}

	@Test
	void grafanaVariablesAndLabelValuesAreUnderstood() {
		assertThat(PromQlNames.of("sum(rate(lunchrush_payment_succeeded_total{instance=~\"$instance\"}"
				+ "[$__rate_interval])) * 60 / ${factor}"))
			.containsExactly("lunchrush_payment_succeeded_total");
		assertThat(PromQlNames.of("label_values(process_uptime_seconds{job=\"lunchrush\"}, instance)"))
			.containsExactly("process_uptime_seconds");
	}

}
