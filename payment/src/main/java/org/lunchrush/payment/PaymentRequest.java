package org.lunchrush.payment;

/**
 * What an order needs paid.
 *
 * @param vip VIP students' status updates travel in the priority lane
 */
public record PaymentRequest(long orderId, long studentId, int amountCents, boolean vip, String subject) {
}
