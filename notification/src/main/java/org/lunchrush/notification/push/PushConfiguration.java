package org.lunchrush.notification.push;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The push consumer's container: it never commits an offset. Each process reads the order
 * events and live notices in a consumer group of its own, from the end of the topics when
 * it starts ({@code auto.offset.reset=latest}); what it missed while it was down
 * concerned clients that were not connected to it, and they re-read the API when they
 * connect. Each record is pushed in its trace (its {@code traceparent} header), as the
 * other listeners handle theirs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushProperties.class)
class PushConfiguration {

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> livePushListenerFactory(
			ConsumerFactory<String, byte[]> consumers,
			@Value("${spring.kafka.listener.observation-enabled:false}") boolean observed) {
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumers);
		factory.getContainerProperties().setObservationEnabled(observed);
		// Manual acknowledgement that never comes: nothing is committed for a group that
		// lives as long as its process.
		factory.getContainerProperties().setAckMode(AckMode.MANUAL);
		return factory;
	}

}
