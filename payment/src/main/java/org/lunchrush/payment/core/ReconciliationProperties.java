package org.lunchrush.payment.core;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reconciliation with the provider: how often the platform asks about payments and
 * refunds it has not heard of.
 *
 * @param interval how often to look; a lost callback is applied within about this long
 * after {@code grace}
 * @param grace how long a payment or refund may stay unconfirmed before the provider is
 * asked (callbacks normally arrive within a second)
 * @param lookBack how far back unpaid payments are still worth asking about
 * @param batch how many payments or refunds one round asks about at most
 */
@ConfigurationProperties("lunchrush.payment.reconciliation")
public record ReconciliationProperties(Duration interval, Duration grace, Duration lookBack, int batch) {

	public ReconciliationProperties {
		interval = (interval != null) ? interval : Duration.ofSeconds(60);
		grace = (grace != null) ? grace : Duration.ofSeconds(10);
		lookBack = (lookBack != null) ? lookBack : Duration.ofHours(24);
		batch = (batch > 0) ? batch : 500;
	}

}
