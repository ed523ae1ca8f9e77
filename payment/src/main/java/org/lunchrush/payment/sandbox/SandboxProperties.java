package org.lunchrush.payment.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox payment provider.
 *
 * @param merchantKey the key the provider signs its notifications with (HMAC-SHA256); the
 * platform holds it only to verify them, and asks the provider before it believes one
 * @param notifyUrl where the provider sends notifications; blank means this platform's
 * own {@code /api/v1/payments/notify/sandbox} on its local port
 * @param notifyCopies how many copies of each notification the provider sends (real
 * providers repeat; so does the sandbox when asked)
 * @param notifyAttempts how often one copy is tried before the provider gives up
 * @param notifyBackoff the first pause between attempts; it doubles
 * @param refundDelay how long the provider takes to carry out a refund it accepted
 */
@ConfigurationProperties("lunchrush.payment.sandbox")
public record SandboxProperties(String merchantKey, String notifyUrl, int notifyCopies, int notifyAttempts,
		Duration notifyBackoff, Duration refundDelay) {

	public SandboxProperties {
		if (merchantKey == null || merchantKey.length() < 16) {
			throw new IllegalArgumentException("lunchrush.payment.sandbox.merchant-key needs at least 16 characters");
		}
		notifyUrl = (notifyUrl != null) ? notifyUrl.strip() : "";
		notifyCopies = Math.max(1, notifyCopies);
		notifyAttempts = Math.max(1, notifyAttempts);
		notifyBackoff = (notifyBackoff != null) ? notifyBackoff : Duration.ofMillis(500);
		refundDelay = (refundDelay != null) ? refundDelay : Duration.ofMillis(500);
	}

}
