package org.lunchrush.promotion;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A coupon a student claimed, with the terms of its batch.
 *
 * @param orderId the order holding or having spent it, empty when {@code AVAILABLE}
 */
public record Coupon(long id, long batchId, long studentId, String name, int amountOffCents, int minSpendCents,
		Instant validFrom, Instant validUntil, CouponStatus status, OptionalLong orderId, Instant claimedAt) {

	/**
	 * @return whether the coupon can no longer be used because its validity has ended
	 */
	public boolean expiredAt(Instant now) {
		return !now.isBefore(this.validUntil);
	}

}
