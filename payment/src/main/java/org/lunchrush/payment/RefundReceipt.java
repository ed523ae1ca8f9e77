package org.lunchrush.payment;

/**
 * A recorded refund.
 */
public record RefundReceipt(long refundId, String transactionId, int amountCents, String providerRefundId) {
}
