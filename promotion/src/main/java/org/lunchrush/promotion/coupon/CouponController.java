package org.lunchrush.promotion.coupon;

import java.util.List;

import org.lunchrush.kernel.Caller;
import org.lunchrush.promotion.Coupons;
import org.lunchrush.promotion.coupon.CouponViews.ClaimableView;
import org.lunchrush.promotion.coupon.CouponViews.CouponView;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's coupons: what can be claimed, claiming one (the spike), and the student's
 * own coupons (STUDENT only).
 */
@RestController
class CouponController {

	private final Coupons coupons;

	private final CouponViews views;

	CouponController(Coupons coupons, CouponViews views) {
		this.coupons = coupons;
		this.views = views;
	}

	@GetMapping("/api/v1/coupon-batches")
	List<ClaimableView> claimable() {
		return this.coupons.claimableBatches().stream().map(this.views::claimable).toList();
	}

	@PostMapping("/api/v1/coupon-batches/{batchId}/claim")
	@ResponseStatus(HttpStatus.CREATED)
	CouponView claim(Caller caller, @PathVariable long batchId) {
		return this.views.coupon(this.coupons.claim(caller.userId(), batchId));
	}

	@GetMapping("/api/v1/coupons")
	List<CouponView> mine(Caller caller) {
		return this.coupons.couponsOf(caller.userId()).stream().map(this.views::coupon).toList();
	}

}
