package org.lunchrush.ordering.deadletter;

import java.util.concurrent.TimeUnit;

import org.lunchrush.payment.PaymentMessaging;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends a dead letter back where it was going. Replaying is safe to repeat: every
 * consumer of these messages is idempotent (payment updates by event id, orders by order
 * id), so a letter replayed twice is applied once.
 */
@Service
class DeadLetterReplay {

	private final DeadLetters letters;

	private final RabbitTemplate rabbit;

	private final KafkaTemplate<String, byte[]> kafka;

	DeadLetterReplay(DeadLetters letters, RabbitTemplate rabbit, KafkaTemplate<String, byte[]> kafka) {
		this.letters = letters;
		this.rabbit = rabbit;
		this.kafka = kafka;
	}

	DeadLetters.DeadLetter replay(long id) throws Exception {
		DeadLetters.DeadLetter letter = this.letters.get(id);
		switch (letter.source()) {
			case RABBITMQ -> {
				MessageProperties properties = new MessageProperties();
				properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
				letter.key().ifPresent(properties::setMessageId);
				properties.setPriority(PaymentMessaging.STANDARD_PRIORITY);
				String routingKey = letter.destination().substring(letter.destination().indexOf('/') + 1);
				properties.setHeader(PaymentMessaging.TYPE_HEADER, routingKey);
				CorrelationData correlation = new CorrelationData("replay-" + id);
				this.rabbit.send(PaymentMessaging.EXCHANGE, routingKey, new Message(letter.payload(), properties),
						correlation);
				if (!correlation.getFuture().get(10, TimeUnit.SECONDS).ack()) {
					throw new IllegalStateException("RabbitMQ refused the replay of dead letter " + id);
				}
			}
			case KAFKA -> this.kafka.send(letter.destination(), letter.key().orElse(null), letter.payload())
				.get(10, TimeUnit.SECONDS);
		}
		this.letters.markReplayed(id);
		return this.letters.get(id);
	}

}
