package org.lunchrush.payment.core;

/**
 * The platform recorded a refund; the provider still has to be asked. Published through
 * the outbox, so a refund committed is a refund asked for, even across a crash or a
 * provider outage.
 *
 * @param traceparent the W3C trace context the refund was recorded in (the
 * cancellation's), in which the provider is asked however late; {@code null} outside any
 * trace (and in events written before it was kept)
 */
public record RefundRequested(long refundId, long paymentId, long orderId, String transactionId, int amountCents,
		String traceparent) {
}
