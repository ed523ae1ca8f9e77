package org.lunchrush.ordering.persistence;

import java.util.Optional;

import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.ordering.OrderPlaced;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderCoupon;
import org.lunchrush.ordering.domain.OrderLine;
import org.lunchrush.promotion.CouponLockRecord;

/**
 * What an {@link OrderPlaced} record puts on record: the order as placed, the stock it
 * reserved and the coupon it locked.
 */
record Placement(Order order, OrderStock stock, Optional<CouponLockRecord> couponLock) {

	/**
	 * @throws RuntimeException when the record does not describe a valid order (the
	 * domain refuses it): such a record can never be persisted
	 */
	static Placement of(OrderPlaced event) {
		Order order = Order.place(event.orderId(), event.studentId(), event.merchantId(), event.buildingId(),
				event.lines()
					.stream()
					.map((l) -> new OrderLine(l.itemId(), l.name(), l.unitPriceCents(), l.quantity()))
					.toList(),
				event.vip(), event.placedAt(), event.payBy());
		Optional<CouponLockRecord> lock = Optional.empty();
		if (event.coupon() != null) {
			order.applyCoupon(new OrderCoupon(event.coupon().couponId(), event.coupon().discountCents()));
			lock = Optional.of(new CouponLockRecord(event.coupon().couponId(), event.studentId(), event.orderId(),
					event.placedAt()));
		}
		OrderStock stock = new OrderStock(event.orderId(), event.merchantId(), event.stockDay(),
				event.lines().stream().map((l) -> new StockLine(l.itemId(), l.quantity())).toList(), event.placedAt());
		return new Placement(order, stock, lock);
	}

}
