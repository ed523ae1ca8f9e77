package org.lunchrush.ordering.payment;

import org.lunchrush.ordering.lifecycle.OrderLifecycle;
import org.lunchrush.payment.PaymentMessaging;
import org.lunchrush.payment.PaymentSucceeded;
import org.lunchrush.payment.RefundSucceeded;
import tools.jackson.databind.ObjectMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * Takes payment status updates from RabbitMQ (VIP messages first, by priority): charges
 * and refunds, told apart by their type header. A message that keeps failing is
 * dead-lettered after the listener's retries.
 */
@Component
class PaymentStatusListener {

	private final OrderPayments payments;

	private final OrderLifecycle lifecycle;

	private final ObjectMapper json;

	PaymentStatusListener(OrderPayments payments, OrderLifecycle lifecycle, ObjectMapper json) {
		this.payments = payments;
		this.lifecycle = lifecycle;
		this.json = json;
	}

	@RabbitListener(id = "ordering-payment-status", queues = PaymentStatusTopology.NAME)
	void on(Message message) {
		Object type = message.getMessageProperties().getHeader(PaymentMessaging.TYPE_HEADER);
		if (PaymentMessaging.REFUNDED_ROUTING_KEY.equals(type)) {
			this.lifecycle.confirmRefund(this.json.readValue(message.getBody(), RefundSucceeded.class));
		}
		else {
			this.payments.apply(this.json.readValue(message.getBody(), PaymentSucceeded.class));
		}
	}

}
