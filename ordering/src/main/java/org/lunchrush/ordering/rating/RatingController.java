package org.lunchrush.ordering.rating;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lunchrush.catalog.MerchantRatings.Summary;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Caller;
import org.lunchrush.ordering.domain.OrderRating;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/orders/{id}/rating} (the order's student) and
 * {@code GET /api/v1/merchant/ratings} (the stall's own ratings).
 */
@RestController
@Validated
class RatingController {

	private final OrderRatings ratings;

	private final CampusTime time;

	RatingController(OrderRatings ratings, CampusTime time) {
		this.ratings = ratings;
		this.time = time;
	}

	@PostMapping("/api/v1/orders/{orderId}/rating")
	@ResponseStatus(HttpStatus.CREATED)
	RatingView rate(Caller caller, @PathVariable long orderId, @Valid @RequestBody RateRequest request) {
		return view(
				this.ratings.rate(caller.userId(), orderId, request.stars(), Optional.ofNullable(request.comment())));
	}

	@GetMapping("/api/v1/merchant/ratings")
	RatingPage merchantRatings(Caller caller, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		long merchantId = caller.requireMerchant();
		List<RatingView> views = this.ratings.ofMerchant(merchantId, page, size).stream().map(this::view).toList();
		Summary summary = this.ratings.summary(merchantId);
		boolean more = views.size() > size;
		return new RatingPage(more ? views.subList(0, size) : views, page, size, more, summary.average().orElse(null),
				summary.count());
	}

	private RatingView view(OrderRating rating) {
		return new RatingView(Long.toString(rating.orderId()), rating.stars(), rating.comment().orElse(null),
				this.time.local(rating.ratedAt()));
	}

	/**
	 * @param stars 1 to 5, an integer ({@code 1.5} and {@code "5"} are refused at the
	 * edge)
	 * @param comment optional, single-line (the edge refuses control characters), at most
	 * 200 characters
	 */
	record RateRequest(@NotNull @Min(OrderRating.MIN_STARS) @Max(OrderRating.MAX_STARS) Integer stars,
			@Size(max = OrderRating.MAX_COMMENT) String comment) {
	}

	record RatingView(String orderId, int stars, String comment, OffsetDateTime ratedAt) {
	}

	/**
	 * @param average the merchant's average over all its ratings to one decimal,
	 * {@code null} before the first
	 * @param count how many ratings it has in all
	 */
	record RatingPage(List<RatingView> ratings, int page, int size, boolean hasMore, BigDecimal average, int count) {
	}

}
