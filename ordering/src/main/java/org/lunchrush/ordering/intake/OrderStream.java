package org.lunchrush.ordering.intake;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.lunchrush.ordering.OrderPlaced;
import org.lunchrush.ordering.OrderingTopics;
import tools.jackson.databind.ObjectMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends to the order stream and waits for the broker's acknowledgement
 * ({@code acks=all}, idempotent producer): an order is accepted only once Kafka holds it.
 */
@Component
class OrderStream {

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectMapper json;

	private final OrderingProperties properties;

	OrderStream(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, OrderingProperties properties) {
		this.kafka = kafka;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * @throws EnqueueFailed when the broker did not take the order in time
	 */
	void append(OrderPlaced event) {
		byte[] value = this.json.writeValueAsBytes(event);
		try {
			this.kafka.send(OrderingTopics.ORDERS, Long.toString(event.orderId()), value)
				.get(this.properties.enqueueTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EnqueueFailed(ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new EnqueueFailed(ex);
		}
	}

	static class EnqueueFailed extends RuntimeException {

		EnqueueFailed(Throwable cause) {
			super("Kafka did not take the order", cause);
		}

	}

}
