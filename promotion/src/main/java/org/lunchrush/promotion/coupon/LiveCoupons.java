package org.lunchrush.promotion.coupon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.lunchrush.kernel.ClasspathText;
import org.lunchrush.promotion.Coupon;
import org.lunchrush.promotion.CouponBatch;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The coupons' live state in Redis, a cache of the database that the claim spike and the
 * order path run on. A batch's two hashes share the hash tag {@code {b<batchId>}}; a
 * coupon's hash carries its student's tag {@code {s<studentId>}}, the tag of the
 * student's other order-path keys, so every script stays valid on a Redis Cluster.
 */
@Component
class LiveCoupons {

	/**
	 * Keys outlive the end of validity by this much, so that late locks and claims are
	 * answered from Redis too.
	 */
	private static final Duration AFTER_VALIDITY = Duration.ofDays(1);

	private final RedisScript<Long> claim = script("claim.lua", Long.class);

	private final RedisScript<Long> giveBack = script("give-back.lua", Long.class);

	private final RedisScript<Long> loadBatch = script("load-batch.lua", Long.class);

	private final RedisScript<Long> loadCoupon = script("load-coupon.lua", Long.class);

	@SuppressWarnings("rawtypes")
	private final RedisScript<List> lock = script("lock.lua", List.class);

	private final RedisScript<Long> unlock = script("unlock.lua", Long.class);

	private final RedisScript<Long> redeem = script("redeem.lua", Long.class);

	private final StringRedisTemplate redis;

	LiveCoupons(StringRedisTemplate redis) {
		this.redis = redis;
	}

	static String batchKey(long batchId) {
		return "lr:coupon-batch:{b" + batchId + "}";
	}

	static String claimsKey(long batchId) {
		return "lr:coupon-claims:{b" + batchId + "}";
	}

	static String couponKey(long studentId, long couponId) {
		return "lr:coupon:{s" + studentId + "}:" + couponId;
	}

	enum ClaimOutcome {

		CLAIMED, EXHAUSTED, LIMIT_REACHED, ENDED

	}

	/**
	 * @return the outcome, or empty when the batch is not loaded
	 */
	Optional<ClaimOutcome> claim(long batchId, long studentId, Instant now) {
		Long answer = this.redis.execute(this.claim, List.of(batchKey(batchId), claimsKey(batchId)),
				Long.toString(studentId), Long.toString(now.toEpochMilli()));
		return switch (answer.intValue()) {
			case 1 -> Optional.of(ClaimOutcome.CLAIMED);
			case 0 -> Optional.of(ClaimOutcome.EXHAUSTED);
			case 2 -> Optional.of(ClaimOutcome.LIMIT_REACHED);
			case 3 -> Optional.of(ClaimOutcome.ENDED);
			default -> Optional.empty();
		};
	}

	void giveBack(long batchId, long studentId) {
		this.redis.execute(this.giveBack, List.of(batchKey(batchId), claimsKey(batchId)), Long.toString(studentId));
	}

	/**
	 * Loads a batch's counters unless they are there already.
	 * @param claimsPerStudent coupons each student holds from the batch
	 */
	void loadBatch(CouponBatch batch, Map<Long, Integer> claimsPerStudent, Instant now) {
		List<String> arguments = new ArrayList<>(5 + claimsPerStudent.size() * 2);
		arguments.add(Long.toString(timeToLive(batch.validUntil(), now).toMillis()));
		arguments.add(Integer.toString(batch.totalQuantity()));
		arguments.add(Integer.toString(claimsPerStudent.values().stream().mapToInt(Integer::intValue).sum()));
		arguments.add(Integer.toString(batch.perStudentLimit()));
		arguments.add(Long.toString(batch.validUntil().toEpochMilli()));
		claimsPerStudent.forEach((student, claimed) -> {
			arguments.add(student.toString());
			arguments.add(claimed.toString());
		});
		this.redis.execute(this.loadBatch, List.of(batchKey(batch.id()), claimsKey(batch.id())), arguments.toArray());
	}

	/**
	 * @return the batch's claim counter, empty when not loaded
	 */
	OptionalInt claimed(long batchId) {
		Object claimed = this.redis.opsForHash().get(batchKey(batchId), "claimed");
		return (claimed != null) ? OptionalInt.of(Integer.parseInt(claimed.toString())) : OptionalInt.empty();
	}

	/**
	 * Loads a coupon as the database has it, unless it is there already.
	 */
	void loadCoupon(Coupon coupon, Instant now) {
		List<String> arguments = new ArrayList<>(List.of(Long.toString(timeToLive(coupon.validUntil(), now).toMillis()),
				"owner", Long.toString(coupon.studentId()), "state", coupon.status().name(), "amount",
				Integer.toString(coupon.amountOffCents()), "minSpend", Integer.toString(coupon.minSpendCents()), "from",
				Long.toString(coupon.validFrom().toEpochMilli()), "until",
				Long.toString(coupon.validUntil().toEpochMilli())));
		coupon.orderId().ifPresent((order) -> {
			arguments.add("order");
			arguments.add(Long.toString(order));
		});
		this.redis.execute(this.loadCoupon, List.of(couponKey(coupon.studentId(), coupon.id())), arguments.toArray());
	}

	/**
	 * @return the outcome, or empty when the coupon is not loaded
	 */
	Optional<LockOutcome> lock(long studentId, long couponId, long orderId, int subtotalCents, Instant now) {
		return lockOrCheck(studentId, couponId, Long.toString(orderId), subtotalCents, now, false);
	}

	/**
	 * Asks what {@link #lock} would answer for a new order, by the same script, leaving
	 * the coupon as it is.
	 * @return the outcome, or empty when the coupon is not loaded
	 */
	Optional<LockOutcome> check(long studentId, long couponId, int subtotalCents, Instant now) {
		return lockOrCheck(studentId, couponId, "", subtotalCents, now, true);
	}

	private Optional<LockOutcome> lockOrCheck(long studentId, long couponId, String orderId, int subtotalCents,
			Instant now, boolean checkOnly) {
		List<?> answer = this.redis.execute(this.lock, List.of(couponKey(studentId, couponId)),
				Long.toString(studentId), orderId, Integer.toString(subtotalCents), Long.toString(now.toEpochMilli()),
				checkOnly ? "1" : "0");
		long status = ((Number) answer.get(0)).longValue();
		if (status < 0) {
			return Optional.empty();
		}
		if (status == 1) {
			return Optional.of(new LockOutcome.Locked(((Number) answer.get(1)).intValue()));
		}
		OptionalInt minSpend = (answer.size() > 2) ? OptionalInt.of(((Number) answer.get(2)).intValue())
				: OptionalInt.empty();
		return Optional.of(new LockOutcome.Refused(answer.get(1).toString(), minSpend));
	}

	/**
	 * Makes the coupon available again if that order holds it.
	 */
	boolean unlock(long studentId, long couponId, long orderId) {
		Long unlocked = this.redis.execute(this.unlock, List.of(couponKey(studentId, couponId)),
				Long.toString(orderId));
		return unlocked != null && unlocked == 1;
	}

	void markRedeemed(long studentId, long couponId, long orderId) {
		this.redis.execute(this.redeem, List.of(couponKey(studentId, couponId)), Long.toString(orderId));
	}

	/**
	 * @return the coupon as Redis has it, or empty when not loaded
	 */
	Optional<CachedState> stateOf(long studentId, long couponId) {
		List<Object> values = this.redis.opsForHash()
			.multiGet(couponKey(studentId, couponId), List.of("state", "order"));
		if (values.get(0) == null) {
			return Optional.empty();
		}
		OptionalLong order = (values.get(1) != null) ? OptionalLong.of(Long.parseLong(values.get(1).toString()))
				: OptionalLong.empty();
		return Optional.of(new CachedState(values.get(0).toString(), order));
	}

	/**
	 * Forgets every batch counter and coupon state; each loads again from the database
	 * when next needed.
	 * @return how many keys were dropped
	 */
	int dropAll() {
		int dropped = 0;
		for (String pattern : List.of("lr:coupon-batch:*", "lr:coupon-claims:*", "lr:coupon:*")) {
			try (Cursor<String> keys = this.redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
				List<String> all = keys.stream().toList();
				if (!all.isEmpty()) {
					dropped += this.redis.unlink(all).intValue();
				}
			}
		}
		return dropped;
	}

	private static Duration timeToLive(Instant validUntil, Instant now) {
		Duration left = Duration.between(now, validUntil);
		return (left.isNegative() ? Duration.ZERO : left).plus(AFTER_VALIDITY);
	}

	private static <T> RedisScript<T> script(String name, Class<T> type) {
		return RedisScript.of(ClasspathText.of(LiveCoupons.class, name), type);
	}

	/**
	 * A coupon's state and the order holding or having spent it, as Redis has them.
	 */
	record CachedState(String state, OptionalLong orderId) {
	}

	/**
	 * The outcome of a lock script.
	 */
	sealed interface LockOutcome {

		record Locked(int amountOffCents) implements LockOutcome {
		}

		/**
		 * @param minSpendCents the coupon's minimum spend, when that is the reason
		 */
		record Refused(String reason, OptionalInt minSpendCents) implements LockOutcome {
		}

	}

}
