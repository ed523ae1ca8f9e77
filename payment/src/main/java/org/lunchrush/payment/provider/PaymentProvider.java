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
	 * Checks a notification's signature and reads it.
	 * @return empty when the signature is missing or forged
	 */
	Optional<ProviderNotification> verify(byte[] body, Optional<String> signature);

	/**
	 * Refunds one provider transaction. Idempotent per {@code refundId}.
	 */
	ProviderRefund refund(RefundCommand command);

	record CheckoutRequest(long paymentId, long orderId, int amountCents, String subject) {
	}

	record ProviderCheckout(String payUrl) {
	}

	record RefundCommand(String refundId, long paymentId, String transactionId, int amountCents) {
	}

	record ProviderRefund(String providerRefundId) {
	}

}
