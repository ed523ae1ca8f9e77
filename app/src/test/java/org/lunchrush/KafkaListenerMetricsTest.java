package org.lunchrush;

import java.time.Duration;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaListenerMetricsTest {

	private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

	KafkaListenerMetricsTest() {
		this.prometheus.config().meterFilter(new KafkaListenerMetrics().kafkaListenerTimerShape());
	}

	@Test
	void aBatchListenerAndAnObservedRecordListenerAreBothScraped() {
		batchTimer("ordering-persister-0");
		observedTimer("delivery-tasks-0", "none");

		assertThat(this.prometheus.scrape()).contains(
				"spring_kafka_listener_seconds_count{exception=\"none\",name=\"ordering-persister-0\",result=\"success\"} 1")
			.contains(
					"spring_kafka_listener_seconds_count{exception=\"none\",name=\"delivery-tasks-0\",result=\"success\"} 1");
	}

	@Test
	void aFailedObservationCountsAsAFailure() {
		batchTimer("ordering-persister-0");
		observedTimer("delivery-tasks-0", "IllegalStateException");

		assertThat(this.prometheus.scrape()).contains(
				"spring_kafka_listener_seconds_count{exception=\"IllegalStateException\",name=\"delivery-tasks-0\",result=\"failure\"} 1");
	}

	@Test
	void leavesOtherTimersAsTheyAre() {
		Timer.builder("spring.kafka.template")
			.tags(Tags.of("error", "none", "spring.kafka.template.name", "kafkaTemplate"))
			.register(this.prometheus)
			.record(Duration.ofMillis(1));

		assertThat(this.prometheus.scrape()).contains(
				"spring_kafka_template_seconds_count{error=\"none\",spring_kafka_template_name=\"kafkaTemplate\"} 1");
	}

	/** As Spring Kafka times a listener it does not observe (a batch listener). */
	private void batchTimer(String container) {
		Timer.builder(KafkaListenerMetrics.TIMER)
			.tags(Tags.of("name", container, "result", "success", "exception", "none"))
			.register(this.prometheus)
			.record(Duration.ofMillis(3));
	}

	/**
	 * As an observation of a record listener is timed (DefaultMeterObservationHandler).
	 */
	private void observedTimer(String container, String error) {
		Timer.builder(KafkaListenerMetrics.TIMER)
			.tags(Tags.of("error", error, "messaging.kafka.consumer.group", "delivery-tasks", "messaging.operation",
					"process", "messaging.source.kind", "topic", "messaging.source.name", "lunchrush.order-events",
					"messaging.system", "kafka", "spring.kafka.listener.id", container))
			.register(this.prometheus)
			.record(Duration.ofMillis(2));
	}

}
