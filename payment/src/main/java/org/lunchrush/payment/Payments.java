package org.lunchrush.payment;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

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
	 * Asks the provider to give back the money of one provider transaction, within the
	 * caller's transaction: the request is recorded and sent through the outbox after
	 * commit, and the provider confirms it later ({@link RefundSucceeded}). Idempotent
	 * per transaction: asking twice refunds once and answers the same receipt.
	 */
	RefundReceipt refund(long orderId, String transactionId, String reason);

	/**
	 * @return for each of these orders that the provider has charged and not refunded,
	 * when it first did (whether or not the order has heard of it yet)
	 */
	Map<Long, Instant> firstChargedAt(Collection<Long> orderIds);

}
