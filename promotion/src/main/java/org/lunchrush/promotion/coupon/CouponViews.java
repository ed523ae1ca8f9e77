package org.lunchrush.promotion.coupon;

import java.time.OffsetDateTime;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.promotion.Coupon;
import org.lunchrush.promotion.CouponBatch;

import org.springframework.stereotype.Component;

/**
 * How batches and coupons look in the API: ids as strings (they are 64-bit TSIDs), money
 * in cents, times in campus time with offset.
 */
@Component
class CouponViews {

	private final CampusTime time;

	CouponViews(CampusTime time) {
		this.time = time;
	}

	BatchView batch(CouponBatch batch) {
		return new BatchView(Long.toString(batch.id()), batch.name(), batch.amountOffCents(), batch.minSpendCents(),
				this.time.local(batch.validFrom()), this.time.local(batch.validUntil()), batch.totalQuantity(),
				batch.perStudentLimit(), batch.claimed(), batch.redeemed(), batch.left(),
				this.time.local(batch.createdAt()));
	}

	ClaimableView claimable(CouponBatch batch) {
		return new ClaimableView(Long.toString(batch.id()), batch.name(), batch.amountOffCents(), batch.minSpendCents(),
				this.time.local(batch.validFrom()), this.time.local(batch.validUntil()), batch.perStudentLimit(),
				batch.left());
	}

	CouponView coupon(Coupon coupon) {
		return new CouponView(Long.toString(coupon.id()), Long.toString(coupon.batchId()), coupon.name(),
				coupon.amountOffCents(), coupon.minSpendCents(), this.time.local(coupon.validFrom()),
				this.time.local(coupon.validUntil()), coupon.status().name(), coupon.expiredAt(this.time.now()),
				coupon.orderId().isPresent() ? Long.toString(coupon.orderId().getAsLong()) : null,
				this.time.local(coupon.claimedAt()));
	}

	/**
	 * A batch as operators see it.
	 */
	record BatchView(String batchId, String name, int amountOffCents, int minSpendCents, OffsetDateTime validFrom,
			OffsetDateTime validUntil, int totalQuantity, int perStudentLimit, int claimed, int redeemed, int left,
			OffsetDateTime createdAt) {
	}

	/**
	 * A batch as students see it.
	 */
	record ClaimableView(String batchId, String name, int amountOffCents, int minSpendCents, OffsetDateTime validFrom,
			OffsetDateTime validUntil, int perStudentLimit, int left) {
	}

	/**
	 * @param expired the validity has ended (an {@code AVAILABLE} coupon can no longer be
	 * used)
	 * @param orderId the order holding or having spent it
	 */
	record CouponView(String couponId, String batchId, String name, int amountOffCents, int minSpendCents,
			OffsetDateTime validFrom, OffsetDateTime validUntil, String status, boolean expired, String orderId,
			OffsetDateTime claimedAt) {
	}

}
