package org.lunchrush.ordering.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.ordering.payment.PaymentStatusTopology;
import org.lunchrush.payment.PaymentMessaging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves dead letters from RabbitMQ's dead-letter queue and Kafka's dead-letter topic into
 * the dead-letter store, where operators can list, inspect and replay them. A letter
 * leaves the broker only once it is stored (the queue's listener requeues on failure; the
 * topic's batch is retried), so none is lost on the way.
 */
@Component
class DeadLetterInbox {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterInbox.class);

	private final DeadLetters letters;

	DeadLetterInbox(DeadLetters letters) {
		this.letters = letters;
	}

	@RabbitListener(id = "ordering-dead-letters", queues = PaymentStatusTopology.DEAD_LETTER_QUEUE,
			containerFactory = "deadLetterListenerFactory")
	void fromRabbit(Message message) {
		MessageProperties properties = message.getMessageProperties();
		Map<String, Object> headers = new TreeMap<>();
		headers.put("messageId", properties.getMessageId());
		headers.put("priority", properties.getPriority());
		headers.put("contentType", properties.getContentType());
		headers.put("x-first-death-reason", properties.getHeader("x-first-death-reason"));
		headers.put("orderId", properties.getHeader("orderId"));
		Object type = properties.getHeader(PaymentMessaging.TYPE_HEADER);
		String routingKey = (type != null) ? type.toString() : PaymentMessaging.SUCCEEDED_ROUTING_KEY;
		headers.put(PaymentMessaging.TYPE_HEADER, routingKey);
		long id = this.letters.store(DeadLetters.Source.RABBITMQ, PaymentMessaging.EXCHANGE + "/" + routingKey,
				Optional.ofNullable(properties.getMessageId()), message.getBody(), headers.toString());
		log.warn("Payment status message {} dead-lettered, stored as dead letter {}", properties.getMessageId(), id);
	}

	// Dead letters are rare: a long poll (the broker answers as soon as one arrives, else
	// after 500 ms) instead of the persister's batching fetch every 50 ms, which an idle
	// consumer in every process paid twenty times a second, and so did the broker.
	@KafkaListener(id = "ordering-dead-letters", topics = OrderingTopics.ORDERS_DEAD_LETTER,
			containerFactory = "orderStreamListenerFactory",
			properties = { "fetch.min.bytes=1", "fetch.max.wait.ms=500" })
	@Transactional
	void fromKafka(List<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			Map<String, String> headers = new TreeMap<>();
			for (Header header : record.headers()) {
				headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
			long id = this.letters.store(DeadLetters.Source.KAFKA, OrderingTopics.ORDERS,
					Optional.ofNullable(record.key()), (record.value() != null) ? record.value() : new byte[0],
					headers.toString());
			log.warn("Order stream record {} dead-lettered, stored as dead letter {}", record.key(), id);
		}
	}

}
