package org.lunchrush.payment.core;

import java.util.concurrent.TimeUnit;

import org.lunchrush.kernel.Traces;
import org.lunchrush.payment.PaymentMessaging;
import org.lunchrush.payment.PaymentSucceeded;
import org.lunchrush.payment.RefundSucceeded;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Relays committed payment events from the outbox (Spring Modulith's event publication
 * registry) to RabbitMQ, VIP first. A publication counts as done only once the broker
 * confirms it and routed it to a queue; otherwise it stays incomplete and is resubmitted.
 * Each message is sent in the trace the event was published in (kept with the event), so
 * its {@code traceparent} header continues the payment's trace even when the outbox
 * resubmits it minutes later from another thread.
 */
@Component
class PaymentStatusRelay {

	private final RabbitTemplate rabbit;

	private final ObjectMapper json;

	private final Traces traces;

	PaymentStatusRelay(RabbitTemplate rabbit, ObjectMapper json, Traces traces) {
		this.rabbit = rabbit;
		this.json = json;
		this.traces = traces;
	}

	@ApplicationModuleListener
	void on(PaymentSucceeded event) throws Exception {
		this.traces.continued(event.traceparent(), "outbox PaymentSucceeded",
				() -> relay(PaymentMessaging.SUCCEEDED_ROUTING_KEY, event.eventId(), event.orderId(), event.vip(),
						event));
	}

	@ApplicationModuleListener
	void on(RefundSucceeded event) throws Exception {
		this.traces.continued(event.traceparent(), "outbox RefundSucceeded",
				() -> relay(PaymentMessaging.REFUNDED_ROUTING_KEY, event.eventId(), event.orderId(), event.vip(),
						event));
	}

	private void relay(String routingKey, String eventId, long orderId, boolean vip, Object event) throws Exception {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setMessageId(eventId);
		properties.setPriority(PaymentMessaging.priority(vip));
		properties.setHeader("orderId", Long.toString(orderId));
		properties.setHeader(PaymentMessaging.TYPE_HEADER, routingKey);
		Message message = new Message(this.json.writeValueAsBytes(event), properties);
		CorrelationData correlation = new CorrelationData(eventId);
		this.rabbit.send(PaymentMessaging.EXCHANGE, routingKey, message, correlation);
		CorrelationData.Confirm confirm = correlation.getFuture().get(10, TimeUnit.SECONDS);
		if (!confirm.ack()) {
			throw new IllegalStateException("RabbitMQ refused " + eventId + ": " + confirm.reason());
		}
		if (correlation.getReturned() != null) {
			throw new IllegalStateException("No queue took " + eventId + ": " + correlation.getReturned());
		}
	}

}
