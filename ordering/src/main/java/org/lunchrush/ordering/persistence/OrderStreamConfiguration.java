package org.lunchrush.ordering.persistence;

import org.apache.kafka.clients.admin.NewTopic;
import org.lunchrush.ordering.OrderingTopics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class OrderStreamConfiguration {

	@Bean
	NewTopic orderStreamTopic(@Value("${lunchrush.kafka.partitions:6}") int partitions,
			@Value("${lunchrush.kafka.replicas:1}") short replicas) {
		return TopicBuilder.name(OrderingTopics.ORDERS).partitions(partitions).replicas(replicas).build();
	}

	@Bean
	NewTopic orderStreamDeadLetterTopic(@Value("${lunchrush.kafka.partitions:6}") int partitions,
			@Value("${lunchrush.kafka.replicas:1}") short replicas) {
		return TopicBuilder.name(OrderingTopics.ORDERS_DEAD_LETTER).partitions(partitions).replicas(replicas).build();
	}

	/**
	 * Batch listeners for the order stream. A failing batch is retried (the database may
	 * be briefly away); an unreadable record goes to the dead-letter topic so that the
	 * stream keeps flowing.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> orderStreamListenerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		// Retried without limit: while PostgreSQL is away the batch waits, it is never
		// dropped.
		// (Unreadable records do not come here: the persister sends them to the
		// dead-letter
		// topic itself.)
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(5_000);
		factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		return factory;
	}

}
