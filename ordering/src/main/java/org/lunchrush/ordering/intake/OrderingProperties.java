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
 * @param recovery how the live state in Redis is watched and rebuilt
 * @param urgeInterval how often a student may urge (催单) one order: at most once per
 * interval (5 minutes by default)
 */
@ConfigurationProperties("lunchrush.ordering")
public record OrderingProperties(Duration paymentTimeout, Duration enqueueTimeout, Duration idempotencyTtl,
		Duration placedRecordTtl, Recovery recovery, Duration urgeInterval) {

	public OrderingProperties {
		paymentTimeout = (paymentTimeout != null) ? paymentTimeout : Duration.ofMinutes(15);
		enqueueTimeout = (enqueueTimeout != null) ? enqueueTimeout : Duration.ofSeconds(6);
		idempotencyTtl = (idempotencyTtl != null) ? idempotencyTtl : Duration.ofHours(24);
		placedRecordTtl = (placedRecordTtl != null) ? placedRecordTtl : Duration.ofHours(1);
		recovery = (recovery != null) ? recovery : new Recovery(null, null, null);
		urgeInterval = (urgeInterval != null) ? urgeInterval : Duration.ofMinutes(5);
	}

	/**
	 * @param checkInterval how often the live stock's generation is checked (250 ms): the
	 * longest a loss of Redis data goes unnoticed
	 * @param startupPatience how long startup waits for the order stream to be persisted
	 * before the first rebuild (60 s); after that the platform starts with intake closed
	 * and the rebuild goes on in the background
	 * @param restoreSlice how many {@code Idempotency-Key} answers a rebuild reads from
	 * PostgreSQL and writes back to Redis at a time (1,000): one query and one pipelined
	 * round trip each, so that a day of a busy campus's orders is neither held in memory
	 * at once nor sent in one pipeline that outlasts the Redis command timeout
	 */
	public record Recovery(Duration checkInterval, Duration startupPatience, Integer restoreSlice) {

		public Recovery {
			checkInterval = (checkInterval != null) ? checkInterval : Duration.ofMillis(250);
			startupPatience = (startupPatience != null) ? startupPatience : Duration.ofSeconds(60);
			restoreSlice = (restoreSlice != null) ? restoreSlice : 1_000;
			if (restoreSlice < 1 || restoreSlice > 100_000) {
				throw new IllegalArgumentException(
						"lunchrush.ordering.recovery.restore-slice must be between 1 and 100000, not " + restoreSlice);
			}
		}

	}

}
