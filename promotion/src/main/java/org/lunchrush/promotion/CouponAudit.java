package org.lunchrush.promotion;

/**
 * One disagreement found by {@link Coupons#audit}.
 *
 * @param id the coupon's id or the batch's id, as {@code kind} says
 * @param detail what was found, for an operator to start from
 */
public record CouponAudit(Kind kind, long id, String detail) {

	public enum Kind {

		/**
		 * A batch with more coupons claimed than issued.
		 */
		BATCH_OVERCLAIMED,

		/**
		 * The live claim counter in Redis differs from the database.
		 */
		BATCH_COUNTER_MISMATCH,

		/**
		 * A coupon whose state (or order) in Redis differs from the database.
		 */
		COUPON_STATE_MISMATCH

	}

}
