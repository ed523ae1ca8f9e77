package org.lunchrush.inventory.stock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.lunchrush.kernel.ClasspathText;
import org.lunchrush.inventory.HeldStock;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.Reservation;
import org.lunchrush.inventory.StockIntent;
import org.lunchrush.inventory.StockLine;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The live stock counters in Redis: one hash per merchant and day, so every key an order
 * touches shares the hash tag {@code {m<merchantId>}} and the scripts stay valid on a
 * Redis Cluster.
 * <p>
 * Besides the portions left per item, a day's hash holds a marker field ({@code _loaded})
 * and the intents of reservations not yet in the ledger ({@code i:<orderId>}). Beside the
 * hash, a set ({@code <hash key>:released}) holds the orders whose release the counter
 * counts, so that a release is given back once whether it was recorded before or after
 * the load. It is a key of its own so that a read of the counter (the menu's, many a
 * second) costs the items, not the day's cancellations: in the hash, 27,000 released
 * orders of one merchant made each read take 30 ms of Redis.
 * <p>
 * The key {@value #GENERATION_KEY} names the generation of the live stock: a new one is
 * written by every rebuild, and a counter loads only while the generation is the one its
 * caller knows. After Redis loses its data the key is gone, so nothing loads from the
 * ledger (which misses orders still on their way through Kafka) until the platform has
 * rebuilt the live stock. (On a Redis Cluster the load script's two keys would need a
 * common slot: the generation key would have to be kept per merchant.)
 */
@Component
class LiveStock {

	static final String GENERATION_KEY = "lr:live-generation";

	private static final String LOADED_MARKER = "_loaded";

	/**
	 * The released orders as counters loaded by earlier versions kept them, in the hash;
	 * skipped by reads, and honoured by a give-back until those counters expire.
	 */
	private static final String LEGACY_RELEASE_PREFIX = "rel:";

	/**
	 * The intent of a reservation whose order is not in the ledger yet:
	 * {@code i:<orderId>} = {@code holder|millis|note|item:quantity,…}.
	 */
	private static final String INTENT_PREFIX = "i:";

	private static final String KEY_PATTERN = "lr:stock:*";

	private static final Duration TIME_TO_LIVE = Duration.ofDays(3);

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> reserve = RedisScript.of(ClasspathText.of(LiveStock.class, "reserve.lua"),
			List.class);

	private final RedisScript<Long> giveBack = RedisScript.of(ClasspathText.of(LiveStock.class, "give-back.lua"),
			Long.class);

	private final RedisScript<Long> releaseBack = RedisScript.of(ClasspathText.of(LiveStock.class, "release-back.lua"),
			Long.class);

	private final RedisScript<Long> load = RedisScript.of(ClasspathText.of(LiveStock.class, "load.lua"), Long.class);

	/**
	 * Moves {@value #GENERATION_KEY} on, only from the generation the caller read
	 * ({@code ARGV[1]}, empty for none).
	 */
	private static final RedisScript<Long> START_GENERATION = RedisScript.of("""
			if (redis.call('GET', KEYS[1]) or '') ~= ARGV[1] then return 0 end
			redis.call('SET', KEYS[1], ARGV[2])
			return 1
			""", Long.class);

	private final RedisScript<Long> set = RedisScript.of(ClasspathText.of(LiveStock.class, "set.lua"), Long.class);

	private final RedisScript<Long> addItem = RedisScript.of(ClasspathText.of(LiveStock.class, "add-item.lua"),
			Long.class);

	private final StringRedisTemplate redis;

	LiveStock(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String key(long merchantId, LocalDate day) {
		return "lr:stock:{m" + merchantId + "}:" + day;
	}

	/**
	 * @return the key of the set of orders whose release the day's counter counts
	 */
	static String releasedKey(long merchantId, LocalDate day) {
		return key(merchantId, day) + ":released";
	}

	/**
	 * @return the outcome, or empty when the day's counter is not loaded yet
	 */
	Optional<Reservation> reserve(long merchantId, LocalDate day, List<StockLine> lines, StockIntent intent) {
		Object[] items = arguments(lines);
		Object[] arguments = new Object[items.length + 2];
		arguments[0] = INTENT_PREFIX + intent.orderId();
		arguments[1] = encode(intent, lines);
		System.arraycopy(items, 0, arguments, 2, items.length);
		List<?> answer = this.redis.execute(this.reserve, List.of(key(merchantId, day)), arguments);
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

	/**
	 * Gives back a reservation that never became an order (never recorded in the ledger),
	 * once, while its intent is there.
	 * @return whether it was given back
	 */
	boolean giveBack(long merchantId, LocalDate day, long orderId, List<StockLine> lines) {
		Object[] items = arguments(lines);
		Object[] arguments = new Object[items.length + 1];
		arguments[0] = INTENT_PREFIX + orderId;
		System.arraycopy(items, 0, arguments, 1, items.length);
		Long given = this.redis.execute(this.giveBack, List.of(key(merchantId, day)), arguments);
		return given != null && given == 1;
	}

	/**
	 * Forgets the intents of orders recorded in the ledger, in one round trip.
	 */
	void forgetIntents(List<OrderStock> orders) {
		this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (OrderStock order : orders) {
				connection.hashCommands()
					.hDel(key(order.merchantId(), order.day()).getBytes(StandardCharsets.UTF_8),
							(INTENT_PREFIX + order.orderId()).getBytes(StandardCharsets.UTF_8));
			}
			return null;
		});
	}

	/**
	 * @param merchantIds the merchants whose day may have a counter (the ledger opened
	 * their day): each counter is read by its key, never found by scanning the keyspace,
	 * which holds every order's records of the last hour
	 * @return every intent kept in the day's counters of these merchants
	 */
	List<HeldStock> held(LocalDate day, Collection<Long> merchantIds) {
		List<HeldStock> held = new ArrayList<>();
		for (long merchantId : merchantIds) {
			try (Cursor<Map.Entry<Object, Object>> intents = this.redis.opsForHash()
				.scan(key(merchantId, day), ScanOptions.scanOptions().match(INTENT_PREFIX + "*").count(1000).build())) {
				intents.forEachRemaining((intent) -> held.add(decode(merchantId, day,
						Long.parseLong(intent.getKey().toString().substring(INTENT_PREFIX.length())),
						intent.getValue().toString())));
			}
		}
		return held;
	}

	private static String encode(StockIntent intent, List<StockLine> lines) {
		StringBuilder value = new StringBuilder(intent.holder()).append('|')
			.append(intent.at().toEpochMilli())
			.append('|')
			.append(intent.note())
			.append('|');
		for (int i = 0; i < lines.size(); i++) {
			value.append((i == 0) ? "" : ",").append(lines.get(i).itemId()).append(':').append(lines.get(i).quantity());
		}
		return value.toString();
	}

	static HeldStock decode(long merchantId, LocalDate day, long orderId, String value) {
		String[] parts = value.split("\\|", 4);
		List<StockLine> lines = new ArrayList<>();
		for (String line : parts[3].split(",")) {
			String[] item = line.split(":", 2);
			lines.add(new StockLine(Long.parseLong(item[0]), Integer.parseInt(item[1])));
		}
		return new HeldStock(merchantId, day, lines,
				new StockIntent(orderId, parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
	}

	/**
	 * Gives back a recorded release, at most once per order and day's counter.
	 */
	void releaseBack(long merchantId, LocalDate day, long orderId, List<StockLine> lines) {
		Object[] items = arguments(lines);
		Object[] arguments = new Object[items.length + 1];
		arguments[0] = Long.toString(orderId);
		System.arraycopy(items, 0, arguments, 1, items.length);
		this.redis.execute(this.releaseBack, List.of(key(merchantId, day), releasedKey(merchantId, day)), arguments);
	}

	enum Load {

		/**
		 * This call loaded the counter.
		 */
		LOADED,

		/**
		 * The counter was there already.
		 */
		PRESENT,

		/**
		 * Nothing loaded: the live stock is not of the generation the caller knows.
		 */
		STALE_GENERATION

	}

	/**
	 * Loads a day's counter as the ledger has it, unless it is there already or the
	 * generation is not {@code generation}.
	 */
	Load loadIfAbsent(long merchantId, LocalDate day, String generation, StockLedger.DaySnapshot snapshot) {
		List<String> arguments = new ArrayList<>(3 + snapshot.available().size() * 2 + snapshot.released().size());
		arguments.add(generation);
		arguments.add(Long.toString(TIME_TO_LIVE.toSeconds()));
		arguments.add(Integer.toString(snapshot.available().size()));
		snapshot.available().forEach((item, left) -> {
			arguments.add(item.toString());
			arguments.add(left.toString());
		});
		snapshot.released().forEach((order) -> arguments.add(order.toString()));
		Long loaded = this.redis.execute(this.load,
				List.of(key(merchantId, day), GENERATION_KEY, releasedKey(merchantId, day)), arguments.toArray());
		return switch ((loaded != null) ? loaded.intValue() : -1) {
			case 1 -> Load.LOADED;
			case 0 -> Load.PRESENT;
			default -> Load.STALE_GENERATION;
		};
	}

	/**
	 * @return the generation of the live stock, empty when Redis has none (it lost its
	 * data, or was never loaded)
	 */
	Optional<String> generation() {
		return Optional.ofNullable(this.redis.opsForValue().get(GENERATION_KEY));
	}

	/**
	 * Starts a new generation, only if the live stock is still of generation {@code from}
	 * (empty: none). The check and the write are one script: a rebuild that read the
	 * generation, then stalled while another rebuild ran and finished, finds it moved on
	 * and starts nothing.
	 * @return the new generation, empty when the generation is no longer {@code from}
	 */
	Optional<String> startGeneration(Optional<String> from) {
		String generation = UUID.randomUUID().toString();
		Long started = this.redis.execute(START_GENERATION, List.of(GENERATION_KEY), from.orElse(""), generation);
		return (started != null && started == 1) ? Optional.of(generation) : Optional.empty();
	}

	/**
	 * Drops every day's counter, of whatever generation; they load again under the
	 * current one.
	 */
	void dropAll() {
		try (Cursor<String> keys = this.redis.scan(ScanOptions.scanOptions().match(KEY_PATTERN).count(1000).build())) {
			List<String> all = keys.stream().toList();
			if (!all.isEmpty()) {
				this.redis.unlink(all);
			}
		}
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
		return read(merchantId, day, false).map(Counter::left);
	}

	/**
	 * One read of a day's counter (one {@code HGETALL}: one moment of the hash).
	 * @return portions left per item and the intents kept beside them (orders reserved
	 * here and not yet known to be in the ledger), or empty when the day is not loaded
	 */
	Optional<Counter> readWithIntents(long merchantId, LocalDate day) {
		return read(merchantId, day, true);
	}

	/**
	 * @param withIntents whether to decode the intents too (the menu's reads of the
	 * portions left, many a second in a rush, skip them; the audit needs them)
	 */
	private Optional<Counter> read(long merchantId, LocalDate day, boolean withIntents) {
		Map<Object, Object> entries = this.redis.opsForHash().entries(key(merchantId, day));
		if (entries.isEmpty()) {
			return Optional.empty();
		}
		Map<Long, Integer> left = new HashMap<>();
		List<HeldStock> intents = new ArrayList<>();
		entries.forEach((field, value) -> {
			String name = field.toString();
			if (name.startsWith(INTENT_PREFIX)) {
				if (withIntents) {
					intents.add(decode(merchantId, day, Long.parseLong(name.substring(INTENT_PREFIX.length())),
							value.toString()));
				}
			}
			else if (!LOADED_MARKER.equals(name) && !name.startsWith(LEGACY_RELEASE_PREFIX)) {
				left.put(Long.parseLong(name), Integer.parseInt(value.toString()));
			}
		});
		return Optional.of(new Counter(left, intents));
	}

	/**
	 * A day's counter as one read saw it.
	 *
	 * @param left portions left per item
	 * @param intents the reservations kept beside them
	 */
	record Counter(Map<Long, Integer> left, List<HeldStock> intents) {

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
