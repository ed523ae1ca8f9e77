package org.lunchrush.promotion.coupon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Ids;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.promotion.Coupon;
import org.lunchrush.promotion.CouponAudit;
import org.lunchrush.promotion.CouponBatch;
import org.lunchrush.promotion.CouponLockRecord;
import org.lunchrush.promotion.Coupons;
import org.lunchrush.promotion.NewCouponBatch;
import org.lunchrush.promotion.coupon.CouponStore.ClaimWrite;
import org.lunchrush.promotion.coupon.LiveCoupons.ClaimOutcome;
import org.lunchrush.promotion.coupon.LiveCoupons.LockOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class CouponService implements Coupons {

	private static final Logger log = LoggerFactory.getLogger(CouponService.class);

	private final LiveCoupons live;

	private final CouponStore store;

	private final TransactionTemplate transaction;

	private final CampusTime time;

	CouponService(LiveCoupons live, CouponStore store, TransactionTemplate transaction, CampusTime time) {
		this.live = live;
		this.store = store;
		this.transaction = transaction;
		this.time = time;
	}

	@Override
	@Transactional
	public CouponBatch createBatch(NewCouponBatch request) {
		Instant now = this.time.now();
		CouponBatchRules.check(request, now);
		CouponBatch batch = new CouponBatch(Ids.next(), request.name().strip(), request.amountOffCents(),
				request.minSpendCents(), request.validFrom(), request.validUntil(), request.totalQuantity(),
				request.perStudentLimit(), 0, 0, now);
		this.store.insertBatch(batch);
		// Loaded now, so that not even the spike's first claim reads the database.
		afterCommit(() -> this.live.loadBatch(batch, Map.of(), now));
		return batch;
	}

	@Override
	public List<CouponBatch> batches() {
		return this.store.batches();
	}

	@Override
	public List<CouponBatch> claimableBatches() {
		return this.store.batchesEndingAfter(this.time.now());
	}

	@Override
	public Coupon claim(long studentId, long batchId) {
		Instant now = this.time.now();
		ClaimOutcome outcome = this.live.claim(batchId, studentId, now).orElseGet(() -> {
			loadBatch(batchId, now);
			return this.live.claim(batchId, studentId, now)
				.orElseThrow(() -> new IllegalStateException("Coupon batch " + batchId + " did not load"));
		});
		if (outcome != ClaimOutcome.CLAIMED) {
			throw refusal(outcome, batchId);
		}
		ClaimWrite written;
		try {
			written = this.transaction.execute((status) -> {
				ClaimWrite write = this.store.claim(Ids.next(), batchId, studentId, now);
				if (write instanceof ClaimWrite.Refused) {
					status.setRollbackOnly();
				}
				return write;
			});
		}
		catch (RuntimeException ex) {
			this.live.giveBack(batchId, studentId);
			throw ex;
		}
		if (written instanceof ClaimWrite.Refused(ClaimOutcome refused)) {
			// Redis let through what the database refuses: its counters were behind,
			// for example reloaded while claims were in flight.
			log.warn("Coupon batch {}: Redis granted a claim the database refused ({})", batchId, refused);
			this.live.giveBack(batchId, studentId);
			throw refusal(refused, batchId);
		}
		Coupon coupon = ((ClaimWrite.Claimed) written).coupon();
		try {
			this.live.loadCoupon(coupon, now);
		}
		catch (RuntimeException ex) {
			// The claim stands; the order path loads the coupon when it first needs it.
			log.warn("Coupon {} claimed but not cached in Redis: {}", coupon.id(), ex.toString());
		}
		return coupon;
	}

	@Override
	public List<Coupon> couponsOf(long studentId) {
		return this.store.couponsOf(studentId);
	}

	@Override
	public int lock(long studentId, long couponId, long orderId, int subtotalCents, Instant now) {
		return discountOrRefusal(studentId, couponId,
				() -> this.live.lock(studentId, couponId, orderId, subtotalCents, now));
	}

	@Override
	public int check(long studentId, long couponId, int subtotalCents, Instant now) {
		return discountOrRefusal(studentId, couponId, () -> this.live.check(studentId, couponId, subtotalCents, now));
	}

	/**
	 * Runs the lock script (to lock or only to check), loading the coupon into Redis
	 * first when it is not there.
	 */
	private int discountOrRefusal(long studentId, long couponId, Supplier<Optional<LockOutcome>> script) {
		LockOutcome outcome = script.get().orElseGet(() -> {
			Optional<Coupon> coupon = this.store.coupon(couponId).filter((c) -> c.studentId() == studentId);
			if (coupon.isEmpty()) {
				return new LockOutcome.Refused("NOT_YOURS", OptionalInt.empty());
			}
			this.live.loadCoupon(coupon.get(), this.time.now());
			return script.get().orElseThrow(() -> new IllegalStateException("Coupon " + couponId + " did not load"));
		});
		return switch (outcome) {
			case LockOutcome.Locked(int amountOffCents) -> amountOffCents;
			case LockOutcome.Refused(String reason, OptionalInt minSpendCents) ->
				throw invalid(couponId, reason, minSpendCents);
		};
	}

	@Override
	public void undoLock(long studentId, long couponId, long orderId) {
		this.live.unlock(studentId, couponId, orderId);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordLocks(List<CouponLockRecord> locks) {
		if (!locks.isEmpty()) {
			this.store.recordLocks(locks);
		}
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean redeem(long couponId, long orderId) {
		OptionalLong student = this.store.redeem(couponId, orderId, this.time.now());
		if (student.isEmpty()) {
			return false;
		}
		afterCommit(() -> this.live.markRedeemed(student.getAsLong(), couponId, orderId));
		return true;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean release(long couponId, long orderId) {
		OptionalLong student = this.store.release(couponId, orderId, this.time.now());
		if (student.isEmpty()) {
			return false;
		}
		afterCommit(() -> this.live.unlock(student.getAsLong(), couponId, orderId));
		return true;
	}

	@Override
	public void forgetLiveState() {
		int dropped = this.live.dropAll();
		log.info("Coupon state dropped from Redis ({} keys); it loads again from PostgreSQL as needed", dropped);
	}

	@Override
	public Map<Long, Long> holders(Collection<Long> couponIds) {
		return this.store.holders(couponIds);
	}

	@Override
	public List<CouponAudit> audit() {
		List<CouponAudit> findings = new ArrayList<>();
		this.store.overclaimedBatches()
			.forEach((batch, detail) -> findings
				.add(new CouponAudit(CouponAudit.Kind.BATCH_OVERCLAIMED, batch, detail)));
		// Batches that ended more than a day ago have left Redis (see LiveCoupons).
		Instant cached = this.time.now().minus(Duration.ofDays(1));
		for (CouponBatch batch : this.store.batchesEndingAfter(cached)) {
			OptionalInt live = this.live.claimed(batch.id());
			if (live.isPresent() && live.getAsInt() != batch.claimed()) {
				findings.add(new CouponAudit(CouponAudit.Kind.BATCH_COUNTER_MISMATCH, batch.id(),
						"database " + batch.claimed() + ", Redis " + live.getAsInt()));
			}
		}
		for (Coupon coupon : this.store.couponsEndingAfter(cached)) {
			this.live.stateOf(coupon.studentId(), coupon.id())
				.filter((live) -> !live.state().equals(coupon.status().name())
						|| !live.orderId().equals(coupon.orderId()))
				.ifPresent((live) -> findings.add(new CouponAudit(CouponAudit.Kind.COUPON_STATE_MISMATCH, coupon.id(),
						"database " + coupon.status() + describe(coupon.orderId()) + ", Redis " + live.state()
								+ describe(live.orderId()))));
		}
		return findings;
	}

	private void loadBatch(long batchId, Instant now) {
		CouponBatch batch = this.store.batch(batchId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.COUPON_NOT_CLAIMABLE,
					Map.of("batchId", Long.toString(batchId), "reason", "UNKNOWN")));
		this.live.loadBatch(batch, this.store.claimsPerStudent(batchId), now);
	}

	private static LunchrushException refusal(ClaimOutcome outcome, long batchId) {
		String batch = Long.toString(batchId);
		return switch (outcome) {
			case EXHAUSTED -> new LunchrushException(ErrorCode.COUPONS_EXHAUSTED, Map.of("batchId", batch));
			case LIMIT_REACHED -> new LunchrushException(ErrorCode.COUPON_LIMIT_REACHED, Map.of("batchId", batch));
			case ENDED ->
				new LunchrushException(ErrorCode.COUPON_NOT_CLAIMABLE, Map.of("batchId", batch, "reason", "ENDED"));
			case CLAIMED -> throw new IllegalArgumentException("a claim is no refusal");
		};
	}

	private static LunchrushException invalid(long couponId, String reason, OptionalInt minSpendCents) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("couponId", Long.toString(couponId));
		details.put("reason", reason);
		minSpendCents.ifPresent((cents) -> details.put("minSpendCents", cents));
		return new LunchrushException(ErrorCode.COUPON_INVALID, details);
	}

	private static String describe(OptionalLong order) {
		return order.isPresent() ? " (order " + order.getAsLong() + ")" : "";
	}

	private static void afterCommit(Runnable redisUpdate) {
		Runnable guarded = () -> {
			try {
				redisUpdate.run();
			}
			catch (RuntimeException ex) {
				// The database has committed and stays the truth; the audit shows
				// the stale Redis entry.
				log.warn("Coupon change committed but not applied to Redis: {}", ex.toString());
			}
		};
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					guarded.run();
				}
			});
		}
		else {
			guarded.run();
		}
	}

}
