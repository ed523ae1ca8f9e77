package org.lunchrush.ordering.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.lettuce.core.cluster.SlotHash;

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

	/**
	 * The index of accepted orders by time that the record of this student's orders is
	 * listed in (a sorted set: order id, scored by the time it was placed), written by
	 * the same script as the record. One index per Redis Cluster slot, tagged to hash to
	 * the slot of the student's tag: the script's keys stay in one slot, and the
	 * invariant check reads the orders that came of age by time, not by scanning the
	 * keyspace.
	 */
	static String indexKey(long studentId) {
		return IndexKeys.BY_SLOT.get(SlotHash.getSlot("{s" + studentId + "}"));
	}

	/**
	 * Every index {@link #indexKey} can name: one per Redis Cluster slot.
	 */
	static List<String> indexKeys() {
		return IndexKeys.BY_SLOT;
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

	/**
	 * The index key of each of Redis Cluster's 16,384 slots, by slot: tagged with the
	 * first short tag that hashes to the slot ({@code i0}, {@code i1}, … in base 36),
	 * found once.
	 */
	private static final class IndexKeys {

		static final List<String> BY_SLOT = find();

		private static List<String> find() {
			String[] keys = new String[SlotHash.SLOT_COUNT];
			int missing = keys.length;
			for (long n = 0; missing > 0; n++) {
				if (n > 10_000_000) {
					throw new IllegalStateException(missing + " Redis Cluster slots without a tag");
				}
				String tag = "i" + Long.toString(n, 36);
				int slot = SlotHash.getSlot(tag);
				if (keys[slot] == null) {
					keys[slot] = "lr:placed-index:{" + tag + "}";
					missing--;
				}
			}
			return List.of(keys);
		}

	}

}
