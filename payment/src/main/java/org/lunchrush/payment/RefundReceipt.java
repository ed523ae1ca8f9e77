package org.lunchrush.payment;

/**
 * A refund the platform asked for. Refunds are asynchronous: the provider confirms one
 * later with a signed notification, and {@link RefundSucceeded} follows.
 *
 * @param status {@code REQUESTED}, {@code SUCCEEDED} or {@code FAILED}
 */
public record RefundReceipt(long refundId, String transactionId, int amountCents, String status) {
}
