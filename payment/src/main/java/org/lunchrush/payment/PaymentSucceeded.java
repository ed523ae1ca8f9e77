package org.lunchrush.payment;

import java.time.Instant;

/**
 * A provider confirmed that money moved for an order. Published through the event
 * publication registry (the outbox) and relayed to RabbitMQ, where it travels with a
 * message priority.
 *
 * @param eventId unique per provider transaction; consumers deduplicate on it
 * @param transactionId the provider's transaction id
 */
public record PaymentSucceeded(String eventId, long paymentId, long orderId, String transactionId, int amountCents,
		boolean vip, Instant paidAt) {

	public static PaymentSucceeded of(long paymentId, long orderId, String transactionId, int amountCents, boolean vip,
			Instant paidAt) {
		return new PaymentSucceeded("payment-succeeded:" + transactionId, paymentId, orderId, transactionId,
				amountCents, vip, paidAt);
	}

}
