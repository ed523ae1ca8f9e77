package org.lunchrush.payment.provider;

import java.time.Instant;

/**
 * A verified notification that a charge succeeded.
 */
public record ProviderNotification(String transactionId, long paymentId, long orderId, int amountCents, Instant paidAt,
		String body) {
}
