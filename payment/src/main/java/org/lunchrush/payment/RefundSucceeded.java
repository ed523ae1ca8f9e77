package org.lunchrush.payment;

import java.time.Instant;
import java.util.Optional;

/**
 * The provider confirmed that money went back to the student. Published through the event
 * publication registry (the outbox) and relayed to RabbitMQ next to
 * {@link PaymentSucceeded}, in the same priority lane.
 *
 * @param eventId unique per provider refund; consumers deduplicate on it
 * @param transactionId the provider transaction that was refunded
 * @param requestedByPlatform always true now: a refund the platform never requested is
 * refused, not applied; kept so that events already in the outbox still read
 * @param traceparent the W3C trace context the confirmation was applied in, kept with the
 * event so that its relay continues that trace however late it runs; {@code null} when
 * applied outside any trace (and in events written before it was kept)
 */
public record RefundSucceeded(String eventId, long refundId, long paymentId, long orderId, String transactionId,
		String providerRefundId, int amountCents, boolean vip, boolean requestedByPlatform, Instant refundedAt,
		String traceparent) {

	public static RefundSucceeded of(long refundId, long paymentId, long orderId, String transactionId,
			String providerRefundId, int amountCents, boolean vip, boolean requestedByPlatform, Instant refundedAt) {
		return new RefundSucceeded("refund-succeeded:" + providerRefundId, refundId, paymentId, orderId, transactionId,
				providerRefundId, amountCents, vip, requestedByPlatform, refundedAt, null);
	}

	/**
	 * @return this refund, confirmed in the trace a {@code traceparent} names
	 */
	public RefundSucceeded withTraceparent(Optional<String> traceparent) {
		return new RefundSucceeded(this.eventId, this.refundId, this.paymentId, this.orderId, this.transactionId,
				this.providerRefundId, this.amountCents, this.vip, this.requestedByPlatform, this.refundedAt,
				traceparent.orElse(null));
	}

}
