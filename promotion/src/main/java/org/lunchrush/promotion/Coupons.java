package org.lunchrush.promotion;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The coupon half of the promotion module's published API.
 * <p>
 * A coupon's life: an operator issues a batch; students claim coupons from it in a spike
 * (one Redis script per claim, and the database refuses an over-claim on its own); order
 * intake locks a coupon for one order ({@code AVAILABLE → LOCKED}, Redis only); the order
 * persister records the lock; payment redeems it ({@code LOCKED → REDEEMED}); a
 * cancellation or payment timeout releases it ({@code LOCKED} or {@code REDEEMED →
 * AVAILABLE}, once per order). Every lock, redemption and release is kept in an
 * append-only ledger.
 * <p>
 * Error codes: {@code VALIDATION} (400), {@code COUPONS_EXHAUSTED} and
 * {@code COUPON_LIMIT_REACHED} (409), {@code COUPON_NOT_CLAIMABLE} and
 * {@code COUPON_INVALID} (422).
 */
public interface Coupons {

	/**
	 * Issues a batch.
	 * @throws org.lunchrush.kernel.LunchrushException {@code VALIDATION} with
	 * {@code details.fields[].field} naming each bad field: blank name, amount not
	 * positive, minimum spend not above the amount (an order would become free), window
	 * not ending after it starts or already over, quantity outside 1..1,000,000, limit
	 * below 1
	 */
	CouponBatch createBatch(NewCouponBatch batch);

	/**
	 * @return every batch with its counts, newest first
	 */
	List<CouponBatch> batches();

	/**
	 * @return the batches whose validity has not ended, soonest ending first (some may
	 * have none {@link CouponBatch#left() left})
	 */
	List<CouponBatch> claimableBatches();

	/**
	 * Hands one coupon of a batch to a student. Runs one Redis script; only a successful
	 * claim writes to the database. Safe under any number of concurrent claims: never
	 * more than the batch's quantity, never more than its per-student limit.
	 * @throws org.lunchrush.kernel.LunchrushException {@code COUPONS_EXHAUSTED},
	 * {@code COUPON_LIMIT_REACHED}, or {@code COUPON_NOT_CLAIMABLE} when the batch is
	 * unknown or its validity has ended
	 */
	Coupon claim(long studentId, long batchId);

	/**
	 * @return the student's coupons, newest claim first
	 */
	List<Coupon> couponsOf(long studentId);

	/**
	 * Locks a coupon for an order on the order path. One Redis script, no SQL (unless the
	 * coupon has to be loaded into Redis first). Locking again for the same order
	 * succeeds and changes nothing, so a retried intake is harmless.
	 * @param subtotalCents the order's total before the discount
	 * @param now the intake's clock reading, for the validity window
	 * @return the discount, {@code amountOffCents}
	 * @throws org.lunchrush.kernel.LunchrushException {@code COUPON_INVALID} with
	 * {@code details.reason} one of {@code NOT_YOURS} (unknown, or another student's),
	 * {@code ALREADY_USED} (held by another order, or redeemed), {@code NOT_YET_VALID},
	 * {@code EXPIRED}, {@code MIN_SPEND_NOT_MET} (with {@code details.minSpendCents})
	 */
	int lock(long studentId, long couponId, long orderId, int subtotalCents, Instant now);

	/**
	 * Says what {@link #lock} would answer for a new order of this subtotal, by the same
	 * rules, without locking: the coupon stays as it is (a checkout quote). A coupon not
	 * in Redis yet is loaded there, as for a lock.
	 * @return the discount, {@code amountOffCents}
	 * @throws org.lunchrush.kernel.LunchrushException {@code COUPON_INVALID} with the
	 * reasons of {@link #lock}
	 */
	int check(long studentId, long couponId, int subtotalCents, Instant now);

	/**
	 * Gives back a lock whose order never made it onto the order stream. Redis only, and
	 * only if that order holds it.
	 */
	void undoLock(long studentId, long couponId, long orderId);

	/**
	 * Records the locks of persisted orders, in the caller's transaction (which must
	 * exist): {@code AVAILABLE → LOCKED} for that order. Idempotent: a lock already
	 * recorded, or already released for that order (a redelivered batch), changes
	 * nothing.
	 */
	void recordLocks(List<CouponLockRecord> locks);

	/**
	 * Spends the coupon when its order is paid, in the caller's transaction (which must
	 * exist); Redis follows after the commit.
	 * @return true when this call moved it {@code LOCKED → REDEEMED}; false (never an
	 * exception, so a coupon never blocks a payment) when that order does not hold it
	 */
	boolean redeem(long couponId, long orderId);

	/**
	 * Gives the coupon back when its order is cancelled or not paid in time, in the
	 * caller's transaction (which must exist); Redis follows after the commit. A coupon
	 * spent on an order that is cancelled after payment comes back too: the student gets
	 * the money back, and the coupon with it.
	 * @return true when this call moved it {@code LOCKED} or
	 * {@code REDEEMED → AVAILABLE}; false when that order does not hold it (for example
	 * when it was released already, which the ledger allows once per coupon and order)
	 */
	boolean release(long couponId, long orderId);

	/**
	 * Drops the live coupon state from Redis (batch counters, each coupon's state); each
	 * loads again from the database when next needed. Part of rebuilding Redis after it
	 * lost data: only correct while no coupon is being locked and every lock taken so far
	 * is recorded, which order intake's recovery makes sure of.
	 */
	void forgetLiveState();

	/**
	 * @return for each of the given coupons that an order holds (locked or redeemed),
	 * that order; for the invariant check
	 */
	Map<Long, Long> holders(Collection<Long> couponIds);

	/**
	 * Compares the database with Redis and with itself, for the invariant check. Meant
	 * for a platform at rest: a coupon locked by an order still on its way through Kafka
	 * shows as a mismatch until the order is persisted.
	 * @return the disagreements, empty when all is well
	 */
	List<CouponAudit> audit();

}
