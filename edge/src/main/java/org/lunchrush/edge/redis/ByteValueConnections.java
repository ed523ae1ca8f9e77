package org.lunchrush.edge.redis;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis connections of their own with the byte-array values Bucket4j stores, on the
 * client and database Spring Data Redis configured, for the rate limits and the login
 * throttle.
 * <p>
 * They are made while the context starts, unlike Spring Data Redis's own connection (made
 * on first use and again after a failure), so one slow handshake would fail the start: on
 * two busy cores a replica restarted under load once waited longer than the 2 s command
 * timeout for Redis's answer to its connection's initialisation. Each is tried
 * {@value #ATTEMPTS} times, half a second apart and then twice as long each time (7.5 s
 * of waiting in all); once made, Lettuce reconnects it by itself.
 */
public final class ByteValueConnections {

	static final int ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(ByteValueConnections.class);

	private ByteValueConnections() {
	}

	/**
	 * @param redis Spring Data Redis's connection factory
	 * @param purpose what the connection is for, in the log and the error
	 * @return a new connection on the configured database
	 * @throws IllegalStateException when no attempt made one
	 */
	public static StatefulRedisConnection<String, byte[]> open(LettuceConnectionFactory redis, String purpose) {
		RedisClient client = (RedisClient) redis.getRequiredNativeClient();
		RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(ATTEMPTS - 1)
			.delay(Duration.ofMillis(500))
			.multiplier(2)
			.includes(RedisConnectionException.class, RedisCommandTimeoutException.class)
			.build());
		retry.setRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
				log.warn("Redis connection for {} not made yet, trying again", purpose);
			}
		});
		try {
			return retry.execute(() -> {
				StatefulRedisConnection<String, byte[]> connection = client
					.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
				try {
					connection.sync().select(redis.getDatabase());
					return connection;
				}
				catch (RuntimeException ex) {
					connection.close();
					throw ex;
				}
			});
		}
		catch (RetryException ex) {
			throw new IllegalStateException(
					"No Redis connection for " + purpose + " after " + ATTEMPTS + " attempts: " + ex.getCause(),
					ex.getCause());
		}
	}

}
