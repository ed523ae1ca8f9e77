package org.lunchrush.ordering.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The order aggregate. State changes only through the transitions below; each checks the
 * current state, refuses an invalid move with {@link IllegalOrderTransition}, and returns
 * the {@link StatusChange} it made.
 */
public final class Order {

	private final long id;

	private final long studentId;

	private final long merchantId;

	private final long buildingId;

	private final List<OrderLine> lines;

	private final int subtotalCents;

	private OrderCoupon coupon;

	private final boolean vip;

	private final Instant placedAt;

	private final Instant payBy;

	private OrderStatus status;

	private String paidTransactionId;

	private Instant cancellationRequestedAt;

	private Order(long id, long studentId, long merchantId, long buildingId, List<OrderLine> lines, boolean vip,
			Instant placedAt, Instant payBy, OrderStatus status, String paidTransactionId) {
		this.id = id;
		this.studentId = studentId;
		this.merchantId = merchantId;
		this.buildingId = buildingId;
		this.lines = List.copyOf(lines);
		this.subtotalCents = this.lines.stream().mapToInt(OrderLine::subtotalCents).sum();
		this.vip = vip;
		this.placedAt = placedAt;
		this.payBy = payBy;
		this.status = status;
		this.paidTransactionId = paidTransactionId;
	}

	/**
	 * A new order, as intake accepts it.
	 */
	public static Order place(long id, long studentId, long merchantId, long buildingId, List<OrderLine> lines,
			boolean vip, Instant placedAt, Instant payBy) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an order needs at least one line");
		}
		if (!payBy.isAfter(placedAt)) {
			throw new IllegalArgumentException("payment deadline must follow placement");
		}
		return new Order(id, studentId, merchantId, buildingId, lines, vip, placedAt, payBy, OrderStatus.PLACED, null);
	}

	/**
	 * An order as the store last saw it.
	 */
	public static Order restore(long id, long studentId, long merchantId, long buildingId, List<OrderLine> lines,
			boolean vip, Instant placedAt, Instant payBy, OrderStatus status, Optional<String> paidTransactionId) {
		return restore(id, studentId, merchantId, buildingId, lines, vip, placedAt, payBy, status, paidTransactionId,
				Optional.empty());
	}

	/**
	 * An order as the store last saw it, with a pending cancellation request.
	 */
	public static Order restore(long id, long studentId, long merchantId, long buildingId, List<OrderLine> lines,
			boolean vip, Instant placedAt, Instant payBy, OrderStatus status, Optional<String> paidTransactionId,
			Optional<Instant> cancellationRequestedAt) {
		return restore(id, studentId, merchantId, buildingId, lines, vip, placedAt, payBy, status, paidTransactionId,
				cancellationRequestedAt, Optional.empty());
	}

	/**
	 * An order as the store last saw it, with its coupon and any pending cancellation
	 * request.
	 */
	public static Order restore(long id, long studentId, long merchantId, long buildingId, List<OrderLine> lines,
			boolean vip, Instant placedAt, Instant payBy, OrderStatus status, Optional<String> paidTransactionId,
			Optional<Instant> cancellationRequestedAt, Optional<OrderCoupon> coupon) {
		Order order = new Order(id, studentId, merchantId, buildingId, lines, vip, placedAt, payBy, status,
				paidTransactionId.orElse(null));
		order.cancellationRequestedAt = cancellationRequestedAt.orElse(null);
		coupon.ifPresent(order::checkDiscount);
		order.coupon = coupon.orElse(null);
		return order;
	}

	/**
	 * Pays part of a new order with a coupon, once, before it is on record.
	 * @throws IllegalArgumentException when the discount would leave nothing to pay
	 * @throws IllegalOrderTransition when the order is on record or has a coupon already
	 */
	public void applyCoupon(OrderCoupon coupon) {
		if (this.status != OrderStatus.PLACED || this.coupon != null) {
			throw new IllegalOrderTransition(this.id, this.status, "apply coupon " + coupon.couponId());
		}
		checkDiscount(coupon);
		this.coupon = coupon;
	}

	private void checkDiscount(OrderCoupon coupon) {
		if (coupon.discountCents() >= this.subtotalCents) {
			throw new IllegalArgumentException("coupon " + coupon.couponId() + " takes " + coupon.discountCents()
					+ " cents off a subtotal of " + this.subtotalCents);
		}
	}

	/**
	 * The order is on record and can be paid.
	 */
	public StatusChange awaitPayment(Instant at) {
		return move(OrderStatus.PLACED, OrderStatus.PENDING_PAYMENT, at, "awaiting payment until " + this.payBy);
	}

	/**
	 * The provider confirmed the payment.
	 */
	public StatusChange markPaid(String transactionId, Instant at) {
		StatusChange change = move(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, at, "paid by " + transactionId);
		this.paidTransactionId = transactionId;
		return change;
	}

	/**
	 * The order was accepted at intake but can never be stored as it was sent (a record
	 * the database refuses, say): it ends here, before anyone could pay for it, and
	 * whatever it held goes back.
	 * @param reason why, as the student reads it on the timeline
	 */
	public StatusChange cancelUnstorable(String reason, Instant at) {
		return move(OrderStatus.PLACED, OrderStatus.CANCELLED, at, reason);
	}

	/**
	 * The payment deadline passed without a payment.
	 */
	public StatusChange cancelUnpaid(Instant now) {
		if (this.status != OrderStatus.PENDING_PAYMENT) {
			throw new IllegalOrderTransition(this.id, this.status, OrderStatus.CANCELLED.name());
		}
		if (!isPaymentOverdue(now)) {
			throw new IllegalOrderTransition(this.id, this.status, "cancel before the payment deadline");
		}
		return move(OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED, now,
				"payment deadline " + this.payBy + " passed");
	}

	/**
	 * The merchant takes a paid order and starts cooking.
	 */
	public StatusChange accept(Instant at) {
		return move(OrderStatus.PAID, OrderStatus.ACCEPTED, at, "accepted by the merchant");
	}

	/**
	 * The merchant turns down a paid order; its money goes back.
	 */
	public StatusChange reject(String reason, Instant at) {
		return move(OrderStatus.PAID, OrderStatus.CANCELLED, at, "rejected by the merchant: " + reason);
	}

	/**
	 * The food is ready for pickup.
	 */
	public StatusChange markReady(Instant at) {
		return move(OrderStatus.ACCEPTED, OrderStatus.READY, at, "ready for pickup");
	}

	/**
	 * A rider took the food at the stall.
	 */
	public StatusChange markPickedUp(long riderId, Instant at) {
		return move(OrderStatus.READY, OrderStatus.PICKED_UP, at, "picked up by rider " + riderId);
	}

	/**
	 * The rider handed the food over at the student's building.
	 */
	public StatusChange markDelivered(long riderId, Instant at) {
		return move(OrderStatus.PICKED_UP, OrderStatus.DELIVERED, at, "delivered by rider " + riderId);
	}

	/**
	 * The student cancels before the merchant has accepted; a paid order's money goes
	 * back.
	 */
	public StatusChange cancelByStudent(Instant at) {
		if (this.status != OrderStatus.PENDING_PAYMENT && this.status != OrderStatus.PAID) {
			throw new IllegalOrderTransition(this.id, this.status, OrderStatus.CANCELLED.name());
		}
		return move(this.status, OrderStatus.CANCELLED, at, "cancelled by the student");
	}

	/**
	 * The student asks to cancel an order the merchant has accepted; the merchant
	 * decides. Asking again changes nothing.
	 * @return whether this call made the request
	 */
	public boolean requestCancellation(Instant at) {
		if (this.status != OrderStatus.ACCEPTED && this.status != OrderStatus.READY) {
			throw new IllegalOrderTransition(this.id, this.status, "request cancellation");
		}
		if (this.cancellationRequestedAt != null) {
			return false;
		}
		this.cancellationRequestedAt = at;
		return true;
	}

	/**
	 * The merchant agrees to the student's request: the order is cancelled and its money
	 * goes back.
	 */
	public StatusChange approveCancellation(Instant at) {
		if (this.cancellationRequestedAt == null
				|| (this.status != OrderStatus.ACCEPTED && this.status != OrderStatus.READY)) {
			throw new IllegalOrderTransition(this.id, this.status, "approve a cancellation nobody asked for");
		}
		StatusChange change = move(this.status, OrderStatus.CANCELLED, at, "cancellation approved by the merchant");
		this.cancellationRequestedAt = null;
		return change;
	}

	/**
	 * The merchant turns the student's request down: the order goes on.
	 */
	public void declineCancellation() {
		if (this.cancellationRequestedAt == null
				|| (this.status != OrderStatus.ACCEPTED && this.status != OrderStatus.READY)) {
			throw new IllegalOrderTransition(this.id, this.status, "decline a cancellation nobody asked for");
		}
		this.cancellationRequestedAt = null;
	}

	public Optional<Instant> cancellationRequestedAt() {
		return Optional.ofNullable(this.cancellationRequestedAt);
	}

	/**
	 * Money that reached a cancelled order went back to the student.
	 */
	public StatusChange markRefunded(String refundReference, Instant at) {
		return move(OrderStatus.CANCELLED, OrderStatus.REFUNDED, at, "refunded: " + refundReference);
	}

	/**
	 * The student rates the food that reached the door: only a delivered order can be
	 * rated. That it is rated once is kept by the store (one rating per order).
	 */
	public OrderRating rate(int stars, Optional<String> comment, Instant at) {
		if (this.status != OrderStatus.DELIVERED) {
			throw new IllegalOrderTransition(this.id, this.status, "rate");
		}
		return new OrderRating(this.id, this.merchantId, stars, comment, at);
	}

	/**
	 * @return whether a provider transaction is the one that paid this order
	 */
	public boolean isPaidBy(String transactionId) {
		return transactionId.equals(this.paidTransactionId);
	}

	public boolean isPaymentOverdue(Instant now) {
		return this.status == OrderStatus.PENDING_PAYMENT && now.isAfter(this.payBy);
	}

	public boolean isOwnedBy(long studentId) {
		return this.studentId == studentId;
	}

	public boolean isFrom(long merchantId) {
		return this.merchantId == merchantId;
	}

	private StatusChange move(OrderStatus from, OrderStatus to, Instant at, String detail) {
		if (this.status != from) {
			throw new IllegalOrderTransition(this.id, this.status, to.name());
		}
		this.status = to;
		return new StatusChange(this.id, from, to, at, detail);
	}

	public long id() {
		return this.id;
	}

	public long studentId() {
		return this.studentId;
	}

	public long merchantId() {
		return this.merchantId;
	}

	public long buildingId() {
		return this.buildingId;
	}

	public List<OrderLine> lines() {
		return this.lines;
	}

	/**
	 * @return what the lines cost, before any coupon
	 */
	public int subtotalCents() {
		return this.subtotalCents;
	}

	/**
	 * @return what the student pays: the subtotal less the coupon's discount
	 */
	public int totalCents() {
		return this.subtotalCents - discountCents();
	}

	public int discountCents() {
		return (this.coupon != null) ? this.coupon.discountCents() : 0;
	}

	public Optional<OrderCoupon> coupon() {
		return Optional.ofNullable(this.coupon);
	}

	public boolean vip() {
		return this.vip;
	}

	public Instant placedAt() {
		return this.placedAt;
	}

	public Instant payBy() {
		return this.payBy;
	}

	public OrderStatus status() {
		return this.status;
	}

	public Optional<String> paidTransactionId() {
		return Optional.ofNullable(this.paidTransactionId);
	}

}
