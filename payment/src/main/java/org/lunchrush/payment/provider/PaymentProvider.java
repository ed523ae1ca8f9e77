package org.lunchrush.payment.provider;

import java.util.Optional;

/**
 * The port to a payment company (WeChat Pay, Alipay, or the sandbox). Ordering never sees
 * it: adding a real provider means adding an adapter here, nothing else.
 */
public interface PaymentProvider {

	/**
	 * @return the provider's name as it appears in the notification route
	 * ({@code /api/v1/payments/notify/<name>})
	 */
	String name();

	/**
	 * Opens (or reopens) the provider's checkout for a payment.
	 */
	ProviderCheckout openCheckout(CheckoutRequest request);

	/**
	 * Checks a notification's signature and reads it. A valid signature proves only who
	 * sent it: the platform still asks {@link #queryCharge} or {@link #queryRefund}
	 * before money moves.
	 * @return empty when the signature is missing or forged
	 */
	Optional<ProviderNotification> verify(byte[] body, Optional<String> signature);

	/**
	 * Asks the provider to refund one transaction. The provider only accepts the request
	 * here; the refund itself is confirmed later by a signed notification. Idempotent per
	 * {@code refundId}.
	 * @throws RefundRefused when the provider will never carry this refund out
	 */
	ProviderRefund refund(RefundCommand command);

	/**
	 * Asks the provider what became of a payment: to confirm a charge notification before
	 * it is applied, and for the callbacks that never arrive. An adapter bounds the call
	 * in time.
	 * @return the charge that paid it, empty while it is unpaid
	 * @throws RuntimeException when the provider cannot be reached or does not answer in
	 * time
	 */
	Optional<ProviderNotification.Charge> queryCharge(long paymentId);

	/**
	 * Asks the provider what became of a refund the platform requested: to confirm a
	 * refund notification before it is applied, and for the confirmations that never
	 * arrive.
	 * @return the refund once the provider has carried it out
	 * @throws RuntimeException when the provider cannot be reached or does not answer in
	 * time
	 */
	Optional<ProviderNotification.Refund> queryRefund(long refundId, String transactionId);

	record CheckoutRequest(long paymentId, long orderId, int amountCents, String subject) {
	}

	record ProviderCheckout(String payUrl) {
	}

	record RefundCommand(long refundId, long paymentId, long orderId, String transactionId, int amountCents) {
	}

	record ProviderRefund(String providerRefundId) {
	}

	/**
	 * The provider refused a refund for good (an unknown transaction, say): retrying will
	 * not help, an operator has to look.
	 */
	class RefundRefused extends RuntimeException {

		public RefundRefused(String reason) {
			super(reason);
		}

	}

}
