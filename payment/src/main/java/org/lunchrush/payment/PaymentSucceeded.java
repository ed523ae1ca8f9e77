package org.lunchrush.payment;

import java.time.Instant;
import java.util.Optional;

/**
 * A provider confirmed that money moved for an order. Published through the event
 * publication registry (the outbox) and relayed to RabbitMQ, where it travels with a
 * message priority.
 *
 * @param eventId unique per provider transaction; consumers deduplicate on it
 * @param transactionId the provider's transaction id
 * @param traceparent the W3C trace context the confirmation was applied in, kept with the
 * event so that its relay continues that trace however late it runs; {@code null} when
 * applied outside any trace (and in events written before it was kept)
 */
public record PaymentSucceeded(String eventId, long paymentId, long orderId, String transactionId, int amountCents,
		boolean vip, Instant paidAt, String traceparent) {

	public static PaymentSucceeded of(long paymentId, long orderId, String transactionId, int amountCents, boolean vip,
			Instant paidAt) {
		return new PaymentSucceeded("payment-succeeded:" + transactionId, paymentId, orderId, transactionId,
				amountCents, vip, paidAt, null);
	}

	/**
	 * @return this payment, confirmed in the trace a {@code traceparent} names
	 */
	public PaymentSucceeded withTraceparent(Optional<String> traceparent) {
		return new PaymentSucceeded(this.eventId, this.paymentId, this.orderId, this.transactionId, this.amountCents,
				this.vip, this.paidAt, traceparent.orElse(null));
	}

}
