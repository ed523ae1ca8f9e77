package org.lunchrush.ordering.events;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.lunchrush.kernel.LiveNotice;
import org.lunchrush.kernel.Traces;
import org.lunchrush.ordering.OrderStatusChanged;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.ordering.persistence.StreamTopics;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Relays committed order status changes from the outbox (Spring Modulith's event
 * publication registry) to the order event topic. The publication completes only when the
 * broker acknowledged the record ({@code acks=all}); if Kafka is away, it stays
 * incomplete and is resubmitted, so nothing committed goes unpublished. Consumers
 * deduplicate on the event id header.
 * <p>
 * Written here rather than with Modulith's Kafka externalization so that completion is
 * tied to the broker's acknowledgement in plain sight, the same way the payment relay
 * ties it to RabbitMQ's confirm.
 * <p>
 * Each record is sent in the trace the change was made in (kept with the event), so its
 * {@code traceparent} header continues the order's trace even when the outbox resubmits
 * it minutes later from another thread.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventRelay {

	static final String EVENT_ID_HEADER = "lunchrush-event-id";

	private final KafkaTemplate<String, byte[]> kafka;

	private final ObjectMapper json;

	private final Traces traces;

	OrderEventRelay(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, Traces traces) {
		this.kafka = kafka;
		this.json = json;
		this.traces = traces;
	}

	@Bean
	NewTopic orderEventTopic(@Value("${lunchrush.kafka.partitions:6}") int partitions,
			@Value("${lunchrush.kafka.replicas:1}") short replicas) {
		return StreamTopics.declare(OrderingTopics.ORDER_EVENTS, partitions, replicas);
	}

	/**
	 * The live notices of ordering and delivery ({@link LiveNotices}), read by every
	 * process that pushes to clients.
	 */
	@Bean
	NewTopic liveNoticeTopic(@Value("${lunchrush.kafka.partitions:6}") int partitions,
			@Value("${lunchrush.kafka.replicas:1}") short replicas) {
		return StreamTopics.declare(LiveNotice.TOPIC, partitions, replicas);
	}

	@ApplicationModuleListener
	void on(OrderStatusChanged event) throws Exception {
		this.traces.continued(event.traceparent(), "outbox OrderStatusChanged", () -> relay(event));
	}

	private void relay(OrderStatusChanged event) throws Exception {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(OrderingTopics.ORDER_EVENTS,
				Long.toString(event.orderId()), this.json.writeValueAsBytes(event));
		record.headers().add(EVENT_ID_HEADER, event.eventId().getBytes(StandardCharsets.UTF_8));
		this.kafka.send(record).get(10, TimeUnit.SECONDS);
	}

}
