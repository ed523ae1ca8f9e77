package org.lunchrush.ordering.domain;

/**
 * The coupon an order is paid with, and what it takes off. The promotion module decides
 * the amount when it locks the coupon; the order only keeps it.
 */
public record OrderCoupon(long couponId, int discountCents) {

	public OrderCoupon {
		if (discountCents < 1) {
			throw new IllegalArgumentException("a coupon's discount must be positive: " + discountCents);
		}
	}

}
