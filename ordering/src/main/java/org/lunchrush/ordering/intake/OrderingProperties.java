package org.lunchrush.ordering.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the order path.
 *
 * @param paymentTimeout how long a student has to pay (15 minutes by default)
 * @param enqueueTimeout how long intake waits for Kafka to take an order before it
 * answers {@code 503 BUSY} and gives the stock back
 * @param idempotencyTtl how long a finished answer is replayed for its
 * {@code Idempotency-Key}
 * @param placedRecordTtl how long an accepted order can be looked up before it is
 * persisted
 */
@ConfigurationProperties("lunchrush.ordering")
public record OrderingProperties(Duration paymentTimeout, Duration enqueueTimeout, Duration idempotencyTtl,
		Duration placedRecordTtl) {

	public OrderingProperties {
		paymentTimeout = (paymentTimeout != null) ? paymentTimeout : Duration.ofMinutes(15);
		enqueueTimeout = (enqueueTimeout != null) ? enqueueTimeout : Duration.ofSeconds(6);
		idempotencyTtl = (idempotencyTtl != null) ? idempotencyTtl : Duration.ofHours(24);
		placedRecordTtl = (placedRecordTtl != null) ? placedRecordTtl : Duration.ofHours(1);
	}

}
