package org.lunchrush.ordering.persistence;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.lunchrush.ordering.OrderingTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class OrderStreamConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OrderStreamConfiguration.class);

	@Bean
	NewTopic orderStreamTopic(@Value("${lunchrush.kafka.partitions:6}") int partitions,
			@Value("${lunchrush.kafka.replicas:1}") short replicas) {
		return StreamTopics.declare(OrderingTopics.ORDERS, partitions, replicas);
	}

	@Bean
	NewTopic orderStreamDeadLetterTopic(@Value("${lunchrush.kafka.partitions:6}") int partitions,
			@Value("${lunchrush.kafka.replicas:1}") short replicas) {
		return StreamTopics.declare(OrderingTopics.ORDERS_DEAD_LETTER, partitions, replicas);
	}

	/**
	 * Batch listeners for the order stream. A failing batch is retried, and every retry
	 * is logged (the database may be briefly away); an unreadable or poison record goes
	 * to the dead-letter topic so that the stream keeps flowing.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<Object, Object> orderStreamListenerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
		ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
		configurer.configure(factory, consumers);
		factory.setBatchListener(true);
		// Retried without limit: while PostgreSQL or Redis is away the batch waits, it is
		// never dropped. A record that fails on its own while both answer never comes
		// here: the persister ends its order and dead-letters it (PoisonRecords), as it
		// does with an unreadable record.
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(5_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
		handler.setRetryListeners(new RetryListener() {

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
				log.warn("Order stream record {}-{}@{} failed (attempt {}), retrying: {}", record.topic(),
						record.partition(), record.offset(), deliveryAttempt, ex.toString());
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
				log.warn("A batch of {} order stream records failed (attempt {}), retrying: {}", records.count(),
						deliveryAttempt, ex.toString());
			}

		});
		factory.setCommonErrorHandler(handler);
		return factory;
	}

}
