package org.lunchrush.promotion;

/**
 * Where a claimed coupon stands. A coupon is held by at most one order at a time.
 */
public enum CouponStatus {

	/**
	 * Claimed and free to use (again, after a release).
	 */
	AVAILABLE,

	/**
	 * Held by an order that is not paid yet.
	 */
	LOCKED,

	/**
	 * Spent on a paid order; available again only if that order is cancelled.
	 */
	REDEEMED

}
