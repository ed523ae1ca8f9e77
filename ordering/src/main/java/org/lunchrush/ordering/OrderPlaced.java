package org.lunchrush.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A student's order was accepted: stock is reserved (and the coupon locked, if one was
 * used) and the order awaits persistence and payment. The first event of every order on
 * the order stream (Kafka topic {@link OrderingTopics#ORDERS}, keyed by order id so one
 * order's events stay in order).
 *
 * @param coupon the coupon the order is paid with, or {@code null} (also in events
 * written before coupons could be used)
 * @param totalCents what the student pays: the lines' subtotal less the coupon's discount
 * @param stockDay the campus day whose stock the order reserved
 * @param request the student's {@code Idempotency-Key} and what the request meant, kept
 * with the order so that the key's answer outlives Redis ({@code null} in events written
 * before it was kept)
 */
public record OrderPlaced(String eventId, long orderId, long studentId, long merchantId, long buildingId,
		List<Line> lines, Coupon coupon, int totalCents, boolean vip, String note, LocalDate stockDay, Instant placedAt,
		Instant payBy, Request request) {

	public OrderPlaced {
		lines = List.copyOf(lines);
	}

	public record Line(long itemId, String name, int unitPriceCents, int quantity) {
	}

	/**
	 * The request that placed the order: its {@code Idempotency-Key} and the digest of
	 * what it asked for.
	 */
	public record Request(String idempotencyKey, String fingerprint) {
	}

	/**
	 * A coupon locked for the order by intake, and the amount it takes off.
	 */
	public record Coupon(long couponId, int discountCents) {
	}

}
