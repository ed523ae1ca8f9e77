package org.lunchrush;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One shape for the Kafka listener timer {@code spring.kafka.listener}, however Spring
 * Kafka makes it. Record listeners are observed, so that each record is handled in its
 * trace, and Spring Kafka then times them through the observation (tags {@code error},
 * {@code messaging.*}, {@code spring.kafka.listener.id}); batch listeners (the persister,
 * the dead letters) are not observed by Spring Kafka 4.1 and keep its own timer (tags
 * {@code name}, {@code result}, {@code exception}). Prometheus keeps one set of tag keys
 * per name and drops the meters of the other, so the observed timer is given the batch
 * timer's shape, which the dashboards read: {@code name} the listener container,
 * {@code result} {@code success} or {@code failure}, {@code exception} the error's class
 * or {@code none}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaListenerMetrics {

	static final String TIMER = "spring.kafka.listener";

	@Bean
	MeterFilter kafkaListenerTimerShape() {
		return new MeterFilter() {

			@Override
			public Meter.Id map(Meter.Id id) {
				String listener = id.getTag("spring.kafka.listener.id");
				if (!TIMER.equals(id.getName()) || listener == null) {
					return id;
				}
				String error = (id.getTag("error") != null) ? id.getTag("error") : "none";
				return id.replaceTags(Tags.of("name", listener, "result", "none".equals(error) ? "success" : "failure",
						"exception", error));
			}

		};
	}

}
