package org.lunchrush.ordering.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.lunchrush.ordering.OrderPlaced;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Settles, exactly once, the fate of an order whose append to the order stream intake
 * could not confirm. Kafka may still take such a record later (a broker that froze, an
 * acknowledgement that was lost), so "the append failed" does not mean "the order does
 * not exist". Intake and the persister race for one Redis key per order with
 * {@code SET NX}:
 * <ul>
 * <li>intake, giving up on the order, writes {@code ABANDONED}: if it wins, it gives the
 * stock and the coupon back and answers {@code 503}, and the persister skips the record
 * if it ever arrives;</li>
 * <li>the persister, before persisting, writes {@code PERSISTED}: if intake then tries to
 * give up, it loses and answers {@code 202}, because the order exists.</li>
 * </ul>
 * Keys live a day, far longer than any record can wait in a producer or a frozen broker.
 * If Redis loses them, a late record is persisted (and counted in the ledger the live
 * stock is rebuilt from): a student may then hold an order answered {@code 503}, but no
 * portion is sold twice.
 */
@Component
public class OrderFates {

	static final Duration TIME_TO_LIVE = Duration.ofDays(1);

	private static final String PERSISTED = "PERSISTED";

	private static final String ABANDONED = "ABANDONED";

	private static final Duration REDIS_ANSWER = Duration.ofSeconds(5);

	private final StringRedisTemplate redis;

	OrderFates(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String key(long studentId, long orderId) {
		return "lr:fate:{s" + studentId + "}:" + orderId;
	}

	/**
	 * Intake gives up on an order whose append it could not confirm.
	 * @return true when the order is given up (its record, should it reach the stream,
	 * will not be persisted); false when the persister has taken it already, so the order
	 * exists
	 */
	public boolean abandon(long studentId, long orderId) {
		String key = key(studentId, orderId);
		if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, ABANDONED, TIME_TO_LIVE))) {
			return true;
		}
		return !PERSISTED.equals(this.redis.opsForValue().get(key));
	}

	/**
	 * Claims a batch of the order stream for persistence, in one round trip (commands
	 * pipelined on the shared connection, valid on a Redis Cluster too).
	 * @return the ids of the orders intake gave up on: they must not be persisted
	 */
	Set<Long> claimForPersistence(List<OrderPlaced> events) {
		if (events.isEmpty()) {
			return Set.of();
		}
		return this.redis.execute((RedisCallback<Set<Long>>) (connection) -> {
			@SuppressWarnings("unchecked")
			RedisClusterAsyncCommands<byte[], byte[]> commands = (RedisClusterAsyncCommands<byte[], byte[]>) connection
				.getNativeConnection();
			SetArgs once = SetArgs.Builder.nx().px(TIME_TO_LIVE.toMillis());
			List<RedisFuture<String>> claims = new ArrayList<>(events.size());
			for (OrderPlaced event : events) {
				claims.add(commands.set(bytes(key(event.studentId(), event.orderId())), bytes(PERSISTED), once));
			}
			List<OrderPlaced> contested = new ArrayList<>();
			for (int i = 0; i < events.size(); i++) {
				if (answer(claims.get(i)) == null) {
					contested.add(events.get(i));
				}
			}
			List<RedisFuture<byte[]>> fates = new ArrayList<>(contested.size());
			for (OrderPlaced event : contested) {
				fates.add(commands.get(bytes(key(event.studentId(), event.orderId()))));
			}
			Set<Long> abandoned = new HashSet<>();
			for (int i = 0; i < contested.size(); i++) {
				byte[] fate = answer(fates.get(i));
				if (fate != null && ABANDONED.equals(new String(fate, StandardCharsets.UTF_8))) {
					abandoned.add(contested.get(i).orderId());
				}
			}
			return abandoned;
		});
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static <T> T answer(RedisFuture<T> future) {
		try {
			return future.get(REDIS_ANSWER.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while asking Redis", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Redis did not answer: " + ex, ex);
		}
	}

}
