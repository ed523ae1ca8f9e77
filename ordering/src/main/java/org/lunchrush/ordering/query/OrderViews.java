package org.lunchrush.ordering.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderRating;
import org.lunchrush.ordering.domain.OrderStatus;
import org.lunchrush.ordering.persistence.OrderRecord;
import org.lunchrush.ordering.persistence.RatingStore;

import org.springframework.stereotype.Component;

/**
 * How an order looks in the API, to its student and its merchant alike.
 */
@Component
public class OrderViews {

	private final CampusTime time;

	private final RatingStore ratings;

	OrderViews(CampusTime time, RatingStore ratings) {
		this.time = time;
		this.ratings = ratings;
	}

	/**
	 * One order, with its rating (looked up only for a delivered order: no other can have
	 * one).
	 */
	public OrderView view(OrderRecord record) {
		Optional<OrderRating> rating = (record.order().status() == OrderStatus.DELIVERED)
				? this.ratings.find(record.order().id()) : Optional.empty();
		return view(record, rating);
	}

	/**
	 * A page of orders, their ratings read in one query.
	 */
	public List<OrderView> views(List<OrderRecord> records) {
		List<Long> delivered = records.stream()
			.map(OrderRecord::order)
			.filter((order) -> order.status() == OrderStatus.DELIVERED)
			.map(Order::id)
			.toList();
		Map<Long, OrderRating> rated = delivered.isEmpty() ? Map.of() : this.ratings.of(delivered);
		return records.stream()
			.map((record) -> view(record, Optional.ofNullable(rated.get(record.order().id()))))
			.toList();
	}

	private OrderView view(OrderRecord record, Optional<OrderRating> rating) {
		Order order = record.order();
		return new OrderView(Long.toString(order.id()), order.status().name(), order.totalCents(),
				order.subtotalCents(), order.discountCents(),
				order.coupon().map((coupon) -> Long.toString(coupon.couponId())).orElse(null),
				order.lines()
					.stream()
					.map((l) -> new LineView(l.itemId(), l.name(), l.unitPriceCents(), l.quantity()))
					.toList(),
				order.merchantId(), order.buildingId(), record.note().orElse(null), this.time.local(order.placedAt()),
				this.time.local(order.payBy()), order.cancellationRequestedAt().isPresent(),
				record.handOver().promisedBy().map(this.time::local).orElse(null),
				record.handOver().eta().map(this.time::local).orElse(null),
				rating
					.map((given) -> new RatingView(given.stars(), given.comment().orElse(null),
							this.time.local(given.ratedAt())))
					.orElse(null));
	}

	/**
	 * @param totalCents what the student pays: {@code subtotalCents} less
	 * {@code discountCents}
	 * @param couponId the coupon the order is paid with, or {@code null}
	 * @param promisedBy by when the food is promised at the door, from the merchant's
	 * acceptance on; {@code null} before
	 * @param eta the latest estimate of the hand-over, once a rider has the order on a
	 * route; {@code null} before
	 * @param rating the student's rating of the delivered order, {@code null} until rated
	 */
	public record OrderView(String orderId, String status, int totalCents, int subtotalCents, int discountCents,
			String couponId, List<LineView> items, long merchantId, long deliveryBuildingId, String note,
			OffsetDateTime placedAt, OffsetDateTime payBy, boolean cancellationRequested, OffsetDateTime promisedBy,
			OffsetDateTime eta, RatingView rating) {
	}

	public record RatingView(int stars, String comment, OffsetDateTime ratedAt) {
	}

	public record LineView(long itemId, String name, int unitPriceCents, int quantity) {
	}

	public record OrderPage(List<OrderView> orders, int page, int size, boolean hasMore) {

		/**
		 * @param views one more than the page size was asked for, to tell whether more
		 * follow
		 */
		public static OrderPage of(List<OrderView> views, int page, int size) {
			boolean more = views.size() > size;
			return new OrderPage(more ? views.subList(0, size) : views, page, size, more);
		}

	}

}
