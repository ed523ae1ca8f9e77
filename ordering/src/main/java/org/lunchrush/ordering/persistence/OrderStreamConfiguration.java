package org.lunchrush.ordering.persistence;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.lunchrush.ordering.OrderingTopics;
import tools.jackson.core.JacksonException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
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
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
			KafkaTemplate<Object, Object> template) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(OrderingTopics.ORDERS_DEAD_LETTER, record.partition()));
		// Retried without limit: while PostgreSQL is away the batch waits, it is never
		// dropped.
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(5_000);
		DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters, backOff);
		// An unreadable record will never become readable: straight to the dead-letter
		// topic.
		errors.addNotRetryableExceptions(JacksonException.class);
		factory.setCommonErrorHandler(errors);
		return factory;
	}

}
