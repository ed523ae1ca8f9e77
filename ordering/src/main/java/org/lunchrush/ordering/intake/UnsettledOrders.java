package org.lunchrush.ordering.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.InLists;
import org.lunchrush.ordering.OrderChecks;
import org.lunchrush.ordering.OrderStreamChecks;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds accepted orders that never arrived: every {@code 202} leaves a record of the
 * accepted order in Redis ({@link PlacedOrders}); one older than the grace whose order is
 * neither in the database nor in the dead-letter store was lost on the way, or is held
 * back by a stream that does not move.
 */
@Component
class UnsettledOrders implements OrderStreamChecks {

	private static final String PATTERN = "lr:placed:*";

	private static final int MGET_SLICE = 1000;

	private final StringRedisTemplate redis;

	private final OrderChecks orders;

	private final JdbcClient jdbc;

	private final CampusTime time;

	UnsettledOrders(StringRedisTemplate redis, OrderChecks orders, JdbcClient jdbc, CampusTime time) {
		this.redis = redis;
		this.orders = orders;
		this.jdbc = jdbc;
		this.time = time;
	}

	@Override
	public List<Long> unsettled(Duration grace) {
		Instant before = this.time.now().minus(grace);
		List<Long> candidates = new ArrayList<>();
		try (Cursor<String> keys = this.redis.scan(ScanOptions.scanOptions().match(PATTERN).count(1000).build())) {
			List<String> all = keys.stream().toList();
			// In slices: one MGET of every record of the hour would hold Redis (one
			// thread,
			// every process's orders) for as long as it takes.
			for (int from = 0; from < all.size(); from += MGET_SLICE) {
				List<String> slice = all.subList(from, Math.min(all.size(), from + MGET_SLICE));
				List<String> values = this.redis.opsForValue().multiGet(slice);
				for (int i = 0; i < slice.size(); i++) {
					String value = (values != null) ? values.get(i) : null;
					if (value == null) {
						continue;
					}
					String key = slice.get(i);
					long orderId = Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
					if (PlacedOrders.Entry.decode(orderId, value).placedAt().isBefore(before)) {
						candidates.add(orderId);
					}
				}
			}
		}
		Set<Long> settled = new HashSet<>(this.orders.statuses(candidates).keySet());
		for (List<Long> chunk : InLists.of(candidates)) {
			this.jdbc
				.sql("select message_key from ordering.dead_letter where source = 'KAFKA' and message_key in (:keys)")
				.param("keys", chunk.stream().map(String::valueOf).toList())
				.query(String.class)
				.list()
				.forEach((key) -> settled.add(Long.parseLong(key)));
		}
		return candidates.stream().filter((id) -> !settled.contains(id)).sorted().toList();
	}

}
