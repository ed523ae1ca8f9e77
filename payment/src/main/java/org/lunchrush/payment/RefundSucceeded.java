package org.lunchrush.payment;

import java.time.Instant;

/**
 * The provider confirmed that money went back to the student. Published through the event
 * publication registry (the outbox) and relayed to RabbitMQ next to
 * {@link PaymentSucceeded}, in the same priority lane.
 *
 * @param eventId unique per provider refund; consumers deduplicate on it
 * @param transactionId the provider transaction that was refunded
 * @param requestedByPlatform always true now: a refund the platform never requested is
 * refused, not applied; kept so that events already in the outbox still read
 */
public record RefundSucceeded(String eventId, long refundId, long paymentId, long orderId, String transactionId,
		String providerRefundId, int amountCents, boolean vip, boolean requestedByPlatform, Instant refundedAt) {

	public static RefundSucceeded of(long refundId, long paymentId, long orderId, String transactionId,
			String providerRefundId, int amountCents, boolean vip, boolean requestedByPlatform, Instant refundedAt) {
		return new RefundSucceeded("refund-succeeded:" + providerRefundId, refundId, paymentId, orderId, transactionId,
				providerRefundId, amountCents, vip, requestedByPlatform, refundedAt);
	}

}
