package org.lunchrush.payment.provider;

import java.time.Instant;
import java.util.Optional;

/**
 * A verified notification from the provider: a charge succeeded, or a refund did.
 */
public sealed interface ProviderNotification {

	/**
	 * @return the raw body as received, kept for the record
	 */
	String body();

	/**
	 * Money was taken for a payment.
	 */
	record Charge(String transactionId, long paymentId, long orderId, int amountCents, Instant paidAt,
			String body) implements ProviderNotification {
	}

	/**
	 * Money went back.
	 *
	 * @param refundId the platform's refund id, empty when the provider refunded on its
	 * own
	 */
	record Refund(String providerRefundId, Optional<Long> refundId, String transactionId, long paymentId, long orderId,
			int amountCents, Instant refundedAt, String body) implements ProviderNotification {
	}

}
