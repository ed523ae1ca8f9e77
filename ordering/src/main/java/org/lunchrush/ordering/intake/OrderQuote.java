package org.lunchrush.ordering.intake;

import java.util.List;

import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderLine;

/**
 * The {@code 200} answer of {@code POST /api/v1/orders/quote}: what the order would cost
 * if placed now. The coupon id is a string, as everywhere in the API; {@code null}
 * without a coupon.
 */
public record OrderQuote(long merchantId, long deliveryBuildingId, int subtotalCents, int discountCents, int totalCents,
		List<Line> lines, String couponId) {

	public OrderQuote {
		lines = List.copyOf(lines);
	}

	/**
	 * One line, merged as the order would be (an item sent twice is one line).
	 */
	public record Line(long itemId, String name, int unitPriceCents, int quantity, int lineCents) {

		static Line of(OrderLine line) {
			return new Line(line.itemId(), line.name(), line.unitPriceCents(), line.quantity(), line.subtotalCents());
		}

	}

	static OrderQuote of(Order order) {
		return new OrderQuote(order.merchantId(), order.buildingId(), order.subtotalCents(), order.discountCents(),
				order.totalCents(), order.lines().stream().map(Line::of).toList(),
				order.coupon().map((coupon) -> Long.toString(coupon.couponId())).orElse(null));
	}

}
