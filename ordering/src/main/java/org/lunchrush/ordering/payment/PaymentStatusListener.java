package org.lunchrush.ordering.payment;

import org.lunchrush.payment.PaymentSucceeded;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Takes payment status updates from RabbitMQ (VIP messages first, by priority). A message
 * that keeps failing is dead-lettered after the listener's retries.
 */
@Component
class PaymentStatusListener {

	private final OrderPayments payments;

	private final ObjectMapper json;

	PaymentStatusListener(OrderPayments payments, ObjectMapper json) {
		this.payments = payments;
		this.json = json;
	}

	@RabbitListener(id = "ordering-payment-status", queues = PaymentStatusTopology.NAME)
	void on(Message message) {
		this.payments.apply(this.json.readValue(message.getBody(), PaymentSucceeded.class));
	}

}
