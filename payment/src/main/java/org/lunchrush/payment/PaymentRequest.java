package org.lunchrush.payment;

/**
 * What an order needs paid.
 *
 * @param merchantId the merchant the money is settled to
 * @param vip VIP students' status updates travel in the priority lane
 */
public record PaymentRequest(long orderId, long studentId, long merchantId, int amountCents, boolean vip,
		String subject) {
}
