package org.lunchrush.ordering.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.InLists;
import org.lunchrush.ordering.OrderChecks;
import org.lunchrush.ordering.OrderStreamChecks;

import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds accepted orders that never arrived: every {@code 202} lists the order in its
 * slot's index of accepted orders ({@link PlacedOrders#indexKey}); one older than the
 * grace whose order is neither in the database nor in the dead-letter store was lost on
 * the way, or is held back by a stream that does not move. Orders found settled leave the
 * index, so each run reads the orders that came of age since the last one and those still
 * unsettled, not the hour's orders.
 */
@Component
class UnsettledOrders implements OrderStreamChecks {

	/** Index reads per pipeline: 16,384 indexes in 8 round trips. */
	private static final int PIPELINE = 2048;

	private final StringRedisTemplate redis;

	private final OrderChecks orders;

	private final JdbcClient jdbc;

	private final CampusTime time;

	private final Duration kept;

	UnsettledOrders(StringRedisTemplate redis, OrderChecks orders, JdbcClient jdbc, CampusTime time,
			OrderingProperties properties) {
		this.redis = redis;
		this.orders = orders;
		this.jdbc = jdbc;
		this.time = time;
		this.kept = properties.placedRecordTtl();
	}

	@Override
	public List<Long> unsettled(Duration grace) {
		Instant now = this.time.now();
		Map<Long, String> candidates = candidates(now.minus(this.kept), now.minus(grace));
		List<Long> ids = new ArrayList<>(candidates.keySet());
		Set<Long> settled = new HashSet<>(this.orders.statuses(ids).keySet());
		for (List<Long> chunk : InLists.of(ids)) {
			this.jdbc
				.sql("select message_key from ordering.dead_letter where source = 'KAFKA' and message_key in (:keys)")
				.param("keys", chunk.stream().map(String::valueOf).toList())
				.query(String.class)
				.list()
				.forEach((key) -> settled.add(Long.parseLong(key)));
		}
		forget(settled, candidates);
		return ids.stream().filter((id) -> !settled.contains(id)).sorted().toList();
	}

	/**
	 * @return the orders placed in {@code [from, before)} by every index, each with the
	 * index that lists it
	 */
	private Map<Long, String> candidates(Instant from, Instant before) {
		// Scores are whole milliseconds: before the instant is at most a millisecond
		// before.
		double min = from.toEpochMilli();
		double max = before.toEpochMilli() - 1;
		List<String> indexes = PlacedOrders.indexKeys();
		List<Object> listed = pipelined(indexes, (zsets, index) -> zsets.rangeByScore(index, min, max));
		Map<Long, String> candidates = new LinkedHashMap<>();
		for (int i = 0; i < indexes.size(); i++) {
			if (listed.get(i) instanceof Iterable<?> members) {
				for (Object member : members) {
					candidates.put(Long.parseLong(member.toString()), indexes.get(i));
				}
			}
		}
		return candidates;
	}

	/** Takes the settled orders out of the indexes: later runs need not look again. */
	private void forget(Set<Long> settled, Map<Long, String> candidates) {
		Map<String, List<String>> byIndex = new LinkedHashMap<>();
		settled.forEach((id) -> {
			String index = candidates.get(id);
			if (index != null) {
				byIndex.computeIfAbsent(index, (key) -> new ArrayList<>()).add(Long.toString(id));
			}
		});
		pipelined(new ArrayList<>(byIndex.entrySet()),
				(zsets, entry) -> zsets.remove(entry.getKey(), entry.getValue().toArray(Object[]::new)));
	}

	/**
	 * One command per item, {@link #PIPELINE} to a round trip.
	 * @return each command's answer, in the order of the items
	 */
	private <T> List<Object> pipelined(List<T> items, BiConsumer<ZSetOperations<String, String>, T> command) {
		List<Object> answers = new ArrayList<>(items.size());
		for (int start = 0; start < items.size(); start += PIPELINE) {
			List<T> slice = items.subList(start, Math.min(items.size(), start + PIPELINE));
			answers.addAll(this.redis.executePipelined(new SessionCallback<Object>() {
				@Override
				@SuppressWarnings("unchecked")
				public Object execute(RedisOperations operations) {
					ZSetOperations<String, String> zsets = operations.opsForZSet();
					slice.forEach((item) -> command.accept(zsets, item));
					return null;
				}
			}));
		}
		return answers;
	}

}
