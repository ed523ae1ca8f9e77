package org.lunchrush.inventory.stock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.lunchrush.inventory.Reservation;
import org.lunchrush.inventory.StockLine;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The live stock counters in Redis: one hash per merchant and day, so every key an order
 * touches shares the hash tag {@code {m<merchantId>}} and the scripts stay valid on a
 * Redis Cluster.
 */
@Component
class LiveStock {

	private static final String LOADED_MARKER = "_loaded";

	private static final Duration TIME_TO_LIVE = Duration.ofDays(3);

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> reserve = RedisScript.of(new ClassPathResource("reserve.lua", LiveStock.class),
			List.class);

	private final RedisScript<Long> giveBack = RedisScript.of(new ClassPathResource("give-back.lua", LiveStock.class),
			Long.class);

	private final RedisScript<Long> load = RedisScript.of(new ClassPathResource("load.lua", LiveStock.class),
			Long.class);

	private final RedisScript<Long> set = RedisScript.of(new ClassPathResource("set.lua", LiveStock.class), Long.class);

	private final RedisScript<Long> addItem = RedisScript.of(new ClassPathResource("add-item.lua", LiveStock.class),
			Long.class);

	private final StringRedisTemplate redis;

	LiveStock(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String key(long merchantId, LocalDate day) {
		return "lr:stock:{m" + merchantId + "}:" + day;
	}

	/**
	 * @return the outcome, or empty when the day's counter is not loaded yet
	 */
	Optional<Reservation> reserve(long merchantId, LocalDate day, List<StockLine> lines) {
		List<?> answer = this.redis.execute(this.reserve, List.of(key(merchantId, day)), arguments(lines));
		long status = ((Number) answer.get(0)).longValue();
		if (status < 0) {
			return Optional.empty();
		}
		if (status == 1) {
			return Optional.of(new Reservation.Reserved());
		}
		List<Long> shortItems = answer.subList(1, answer.size())
			.stream()
			.map((id) -> Long.parseLong(id.toString()))
			.toList();
		return Optional.of(new Reservation.SoldOut(shortItems));
	}

	void giveBack(long merchantId, LocalDate day, List<StockLine> lines) {
		this.redis.execute(this.giveBack, List.of(key(merchantId, day)), arguments(lines));
	}

	/**
	 * @return true when this call loaded the counter, false when it was there already
	 */
	boolean loadIfAbsent(long merchantId, LocalDate day, Map<Long, Integer> available) {
		List<String> arguments = new ArrayList<>(1 + available.size() * 2);
		arguments.add(Long.toString(TIME_TO_LIVE.toSeconds()));
		available.forEach((item, left) -> {
			arguments.add(item.toString());
			arguments.add(left.toString());
		});
		Long loaded = this.redis.execute(this.load, List.of(key(merchantId, day)), arguments.toArray());
		return loaded != null && loaded == 1;
	}

	/**
	 * @return the previous value, or empty when the day is not loaded
	 */
	OptionalInt set(long merchantId, LocalDate day, long itemId, int stock) {
		Long old = this.redis.execute(this.set, List.of(key(merchantId, day)), Long.toString(itemId),
				Integer.toString(stock));
		return (old == null || old < 0) ? OptionalInt.empty() : OptionalInt.of(old.intValue());
	}

	void addItemIfLoaded(long merchantId, LocalDate day, long itemId, int portions) {
		this.redis.execute(this.addItem, List.of(key(merchantId, day)), Long.toString(itemId),
				Integer.toString(portions));
	}

	/**
	 * @return portions left per item, or empty when the day is not loaded (a loaded day
	 * always holds its marker field, so one read tells both)
	 */
	Optional<Map<Long, Integer>> read(long merchantId, LocalDate day) {
		Map<Object, Object> entries = this.redis.opsForHash().entries(key(merchantId, day));
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, Integer> left = new HashMap<>();
		entries.forEach((field, value) -> {
			if (!LOADED_MARKER.equals(field)) {
				left.put(Long.parseLong(field.toString()), Integer.parseInt(value.toString()));
			}
		});
		return Optional.of(left);
	}

	private static Object[] arguments(List<StockLine> lines) {
		Object[] arguments = new Object[lines.size() * 2];
		for (int i = 0; i < lines.size(); i++) {
			arguments[2 * i] = Long.toString(lines.get(i).itemId());
			arguments[2 * i + 1] = Integer.toString(lines.get(i).quantity());
		}
		return arguments;
	}

}
