package org.lunchrush.ordering.intake;

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

	static String key(long orderId) {
		return "lr:placed:" + orderId;
	}

	public Optional<Entry> find(long orderId) {
		return Optional.ofNullable(this.redis.opsForValue().get(key(orderId)))
			.map((value) -> Entry.decode(orderId, value));
	}

	/**
	 * @param answerJson the {@link AcceptedOrder} as JSON
	 */
	public record Entry(long orderId, long studentId, java.time.Instant placedAt, String answerJson) {

		String encode() {
			return this.studentId + "|" + this.placedAt.toEpochMilli() + "|" + this.answerJson;
		}

		static Entry decode(long orderId, String value) {
			String[] parts = value.split("\\|", 3);
			return new Entry(orderId, Long.parseLong(parts[0]),
					java.time.Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]);
		}

	}

}
