package org.lunchrush.payment.core;

/**
 * The platform recorded a refund; the provider still has to be asked. Published through
 * the outbox, so a refund committed is a refund asked for, even across a crash or a
 * provider outage.
 */
public record RefundRequested(long refundId, long paymentId, long orderId, String transactionId, int amountCents) {
}
