package org.lunchrush.promotion;

import java.time.Instant;

/**
 * An issued batch of coupons with its counts.
 *
 * @param claimed coupons handed out to students (never more than {@code totalQuantity})
 * @param redeemed coupons spent on a paid order
 */
public record CouponBatch(long id, String name, int amountOffCents, int minSpendCents, Instant validFrom,
		Instant validUntil, int totalQuantity, int perStudentLimit, int claimed, int redeemed, Instant createdAt) {

	/**
	 * @return coupons still to be claimed
	 */
	public int left() {
		return this.totalQuantity - this.claimed;
	}

}
