package org.lunchrush.promotion.coupon;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lunchrush.promotion.Coupons;
import org.lunchrush.promotion.NewCouponBatch;
import org.lunchrush.promotion.coupon.CouponViews.BatchView;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators issue coupon batches and watch them being claimed and spent
 * ({@code /api/v1/admin/**} is ADMIN only).
 */
@RestController
class CouponAdminController {

	private final Coupons coupons;

	private final CouponViews views;

	CouponAdminController(Coupons coupons, CouponViews views) {
		this.coupons = coupons;
		this.views = views;
	}

	@PostMapping("/api/v1/admin/coupon-batches")
	@ResponseStatus(HttpStatus.CREATED)
	BatchView create(@Valid @RequestBody BatchRequest request) {
		return this.views.batch(this.coupons.createBatch(new NewCouponBatch(request.name(), request.amountOffCents(),
				request.minSpendCents(), request.validFrom().toInstant(), request.validUntil().toInstant(),
				request.totalQuantity(), request.perStudentLimit())));
	}

	@GetMapping("/api/v1/admin/coupon-batches")
	List<BatchView> list() {
		return this.coupons.batches().stream().map(this.views::batch).toList();
	}

	/**
	 * Presence only; the rules of a batch are the API's ({@code CouponBatchRules}), so
	 * every caller gets the same answer.
	 */
	record BatchRequest(@NotBlank @Size(max = CouponBatchRules.MAX_NAME_LENGTH) String name,
			@NotNull Integer amountOffCents, @NotNull Integer minSpendCents, @NotNull OffsetDateTime validFrom,
			@NotNull OffsetDateTime validUntil, @NotNull Integer totalQuantity, @NotNull Integer perStudentLimit) {
	}

}
