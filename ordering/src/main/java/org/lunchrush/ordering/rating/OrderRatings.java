package org.lunchrush.ordering.rating;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.catalog.MerchantRatings.Summary;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderRating;
import org.lunchrush.ordering.persistence.OrderRecord;
import org.lunchrush.ordering.persistence.OrderStore;
import org.lunchrush.ordering.persistence.RatingStore;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students rate their delivered orders, once each; merchants read what they were given.
 */
@Service
public class OrderRatings {

	private final OrderStore orders;

	private final RatingStore ratings;

	private final CampusTime time;

	OrderRatings(OrderStore orders, RatingStore ratings, CampusTime time) {
		this.orders = orders;
		this.ratings = ratings;
		this.time = time;
	}

	/**
	 * Rates a delivered order of the student's. The order row is locked while the rating
	 * goes in, and the rating table keeps one rating per order, so two ratings sent at
	 * once make one.
	 * @throws LunchrushException {@code ORDER_NOT_FOUND} (no such order, or another
	 * student's), {@code ORDER_STATE_CONFLICT} unless delivered, {@code ALREADY_RATED}
	 * the second time
	 */
	@Transactional
	public OrderRating rate(long studentId, long orderId, int stars, Optional<String> comment) {
		Order order = this.orders.lock(orderId)
			.map(OrderRecord::order)
			.filter((candidate) -> candidate.isOwnedBy(studentId))
			.orElseThrow(
					() -> new LunchrushException(ErrorCode.ORDER_NOT_FOUND, Map.of("orderId", Long.toString(orderId))));
		// Kept to the microsecond, as PostgreSQL keeps it, so the answer and later reads
		// agree.
		Instant now = this.time.now().truncatedTo(ChronoUnit.MICROS);
		OrderRating rating = order.rate(stars, comment.filter((text) -> !text.isBlank()), now);
		if (!this.ratings.insert(rating, studentId, order.buildingId())) {
			throw new LunchrushException(ErrorCode.ALREADY_RATED, Map.of("orderId", Long.toString(orderId)));
		}
		this.orders.appendTimeline(orderId, order.buildingId(), "rated", rating.ratedAt(), "RATED",
				"评价 " + stars + " 星 / rated " + stars + " star" + ((stars == 1) ? "" : "s"));
		return rating;
	}

	/**
	 * A page of the merchant's ratings, newest first, with one more than asked for to
	 * tell whether more follow.
	 */
	public List<OrderRating> ofMerchant(long merchantId, int page, int size) {
		return this.ratings.ofMerchant(merchantId, (long) page * size, size + 1);
	}

	public Summary summary(long merchantId) {
		return this.ratings.summary(merchantId);
	}

}
