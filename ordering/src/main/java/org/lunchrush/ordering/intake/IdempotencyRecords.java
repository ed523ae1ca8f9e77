package org.lunchrush.ordering.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.ClasspathText;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} records in Redis, one per student and key. A record is first
 * claimed (short-lived, so a crash mid-request does not block the key for long), then
 * holds the finished answer. The value is
 * {@code <request fingerprint>|<answer JSON or empty>}.
 */
@Component
class IdempotencyRecords {

	private static final Duration CLAIM_TTL = Duration.ofSeconds(30);

	private final RedisScript<Long> complete = RedisScript
		.of(ClasspathText.of(IdempotencyRecords.class, "complete.lua"), Long.class);

	private final StringRedisTemplate redis;

	IdempotencyRecords(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String key(long studentId, String idempotencyKey) {
		return "lr:idem:{s" + studentId + "}:" + idempotencyKey;
	}

	/**
	 * Claims the key for this request.
	 * @return empty when the request is new and now owns the key, or the first answer to
	 * replay
	 * @throws LunchrushException {@code IDEMPOTENCY_CONFLICT} when the key was used for
	 * another request, {@code IDEMPOTENCY_IN_PROGRESS} while the first request is still
	 * running
	 */
	Optional<String> claim(long studentId, String idempotencyKey, String fingerprint) {
		String key = key(studentId, idempotencyKey);
		for (int attempt = 0; attempt < 3; attempt++) {
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, fingerprint + "|", CLAIM_TTL))) {
				return Optional.empty();
			}
			String existing = this.redis.opsForValue().get(key);
			if (existing == null) {
				continue;
			}
			int separator = existing.indexOf('|');
			if (!existing.substring(0, separator).equals(fingerprint)) {
				throw new LunchrushException(ErrorCode.IDEMPOTENCY_CONFLICT, Map.of("idempotencyKey", idempotencyKey));
			}
			String answer = existing.substring(separator + 1);
			if (answer.isEmpty()) {
				throw new LunchrushException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
						Map.of("idempotencyKey", idempotencyKey));
			}
			return Optional.of(answer);
		}
		throw new LunchrushException(ErrorCode.BUSY, Map.of("reason", "idempotency record unstable"));
	}

	/**
	 * Writes answers back after Redis lost them, unless a record for the key exists.
	 * @param answers value ({@code <fingerprint>|<answer JSON>}) and time to live per key
	 * @return how many were written
	 */
	int restore(Map<String, Map.Entry<String, Duration>> answers) {
		List<Object> written = this.redis.executePipelined(new SessionCallback<Object>() {
			@Override
			@SuppressWarnings("unchecked")
			public Object execute(RedisOperations operations) {
				answers.forEach(
						(key, answer) -> operations.opsForValue().setIfAbsent(key, answer.getKey(), answer.getValue()));
				return null;
			}
		});
		return (int) written.stream().filter(Boolean.TRUE::equals).count();
	}

	/**
	 * The request failed before anything was kept: a retry with the same key starts
	 * afresh.
	 */
	void release(long studentId, String idempotencyKey) {
		this.redis.delete(key(studentId, idempotencyKey));
	}

	/**
	 * The answer to replay for this key, and the accepted order for lookups before it is
	 * persisted and in the index the invariant check reads, written in one round trip.
	 */
	void complete(long studentId, String idempotencyKey, String fingerprint, String answerJson, Duration ttl,
			PlacedOrders.Entry placed, Duration placedTtl) {
		// Not Redis pipelining: Lettuce runs a pipeline on a dedicated connection, which
		// would cost a new connection per order.
		this.redis.execute(this.complete,
				List.of(key(studentId, idempotencyKey), PlacedOrders.key(studentId, placed.orderId()),
						PlacedOrders.indexKey(studentId)),
				fingerprint + "|" + answerJson, Long.toString(ttl.toMillis()), placed.encode(),
				Long.toString(placedTtl.toMillis()), Long.toString(placed.placedAt().toEpochMilli()),
				Long.toString(placed.orderId()));
	}

}
