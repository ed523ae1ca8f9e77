package org.lunchrush.payment;

/**
 * The payment module's published API.
 */
public interface Payments {

	/**
	 * Opens a payment for an order with the provider, or returns the one already open:
	 * one payment per order, however often the student taps 支付.
	 */
	PaymentCheckout requestPayment(PaymentRequest request);

	/**
	 * Gives back the money of one provider transaction. Idempotent per transaction:
	 * asking twice refunds once and answers the same receipt.
	 */
	RefundReceipt refund(long orderId, String transactionId, String reason);

}
