package org.lunchrush.ordering.intake;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Orders accepted but possibly not yet persisted, so that a student who looks at an order
 * right after the {@code 202} sees it as {@code PLACED} instead of "not found".
 */
@Component
public class PlacedOrders {

	private final StringRedisTemplate redis;

	PlacedOrders(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * Keyed by student as well, under the student's hash tag like the idempotency record
	 * it is written with (one script, one Redis Cluster slot); only the owner can find
	 * it.
	 */
	static String key(long studentId, long orderId) {
		return "lr:placed:{s" + studentId + "}:" + orderId;
	}

	public Optional<Entry> find(long studentId, long orderId) {
		return Optional.ofNullable(this.redis.opsForValue().get(key(studentId, orderId)))
			.map((value) -> Entry.decode(orderId, value));
	}

	/**
	 * @param answerJson the {@link AcceptedOrder} as JSON
	 */
	public record Entry(long orderId, long studentId, Instant placedAt, String answerJson) {

		String encode() {
			return this.studentId + "|" + this.placedAt.toEpochMilli() + "|" + this.answerJson;
		}

		static Entry decode(long orderId, String value) {
			String[] parts = value.split("\\|", 3);
			return new Entry(orderId, Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
					parts[2]);
		}

	}

}
