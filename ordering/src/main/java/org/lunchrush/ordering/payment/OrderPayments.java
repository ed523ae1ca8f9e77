package org.lunchrush.ordering.payment;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.catalog.Catalog;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderCoupon;
import org.lunchrush.ordering.domain.OrderStatus;
import org.lunchrush.ordering.intake.PlacedOrders;
import org.lunchrush.ordering.lifecycle.OrderLifecycle;
import org.lunchrush.ordering.persistence.OrderRecord;
import org.lunchrush.ordering.persistence.OrderStore;
import org.lunchrush.payment.PaymentCheckout;
import org.lunchrush.payment.PaymentRequest;
import org.lunchrush.payment.PaymentSucceeded;
import org.lunchrush.payment.Payments;
import org.lunchrush.promotion.Coupons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying for an order, and applying what the provider says about the payment. Every
 * payment update is applied once (deduplicated by its event id on the timeline) and by a
 * guarded transition; money that reaches an order that will not be delivered goes
 * straight back.
 */
@Service
class OrderPayments {

	private final OrderStore store;

	private final Payments payments;

	private final PlacedOrders placed;

	private final OrderLifecycle lifecycle;

	private final Catalog catalog;

	private static final Logger log = LoggerFactory.getLogger(OrderPayments.class);

	private final CampusTime time;

	private final Coupons coupons;

	OrderPayments(OrderStore store, Payments payments, PlacedOrders placed, OrderLifecycle lifecycle, Catalog catalog,
			CampusTime time, Coupons coupons) {
		this.coupons = coupons;
		this.catalog = catalog;
		this.store = store;
		this.payments = payments;
		this.placed = placed;
		this.lifecycle = lifecycle;
		this.time = time;
	}

	@Transactional
	PaymentCheckout requestPayment(Caller student, long orderId) {
		Optional<OrderRecord> stored = this.store.find(orderId);
		if (stored.isEmpty()) {
			boolean mineButNotYetStored = this.placed.find(student.userId(), orderId).isPresent();
			if (mineButNotYetStored) {
				throw new LunchrushException(ErrorCode.ORDER_STATE_CONFLICT,
						Map.of("orderId", Long.toString(orderId), "status", OrderStatus.PLACED.name()));
			}
			throw new LunchrushException(ErrorCode.ORDER_NOT_FOUND, Map.of("orderId", Long.toString(orderId)));
		}
		Order order = stored.get().order();
		if (!order.isOwnedBy(student.userId())) {
			throw new LunchrushException(ErrorCode.ORDER_NOT_FOUND, Map.of("orderId", Long.toString(orderId)));
		}
		if (order.status() != OrderStatus.PENDING_PAYMENT) {
			throw new LunchrushException(ErrorCode.ORDER_STATE_CONFLICT,
					Map.of("orderId", Long.toString(orderId), "status", order.status().name()));
		}
		PaymentCheckout checkout = this.payments.requestPayment(new PaymentRequest(order.id(), order.studentId(),
				order.merchantId(), order.totalCents(), order.vip(), "Lunchrush 订单 " + order.id()));
		this.store.appendTimeline(order.id(), order.buildingId(), "payment-requested:" + checkout.paymentId(),
				this.time.now(), "PAYMENT_REQUESTED", "payment " + checkout.paymentId() + " opened with the provider");
		return checkout;
	}

	/**
	 * Applies a successful payment. Redelivery is a no-op; a payment for a cancelled
	 * order, or a second charge for a paid one, is refunded.
	 */
	@Transactional
	void apply(PaymentSucceeded payment) {
		OrderRecord record = this.store.lock(payment.orderId())
			.orElseThrow(() -> new IllegalStateException("Payment for unknown order " + payment.orderId()));
		Order order = record.order();
		boolean first = this.store.appendTimeline(order.id(), order.buildingId(), payment.eventId(), this.time.now(),
				"MESSAGE", "payment succeeded: transaction " + payment.transactionId() + ", " + payment.amountCents()
						+ " cents" + (payment.vip() ? ", VIP lane" : ""));
		if (!first) {
			return;
		}
		if (order.status() == OrderStatus.PENDING_PAYMENT) {
			this.lifecycle.record(order, order.markPaid(payment.transactionId(), this.time.now()));
			order.coupon().ifPresent((coupon) -> redeem(order, coupon));
			boolean autoAccept = this.catalog.merchant(order.merchantId())
				.map((merchant) -> merchant.settings().autoAccept())
				.orElse(false);
			if (autoAccept) {
				this.lifecycle.accept(order.merchantId(), order.id());
			}
		}
		else if (order.status() == OrderStatus.CANCELLED) {
			this.lifecycle.requestRefund(order, payment.transactionId(),
					"order was cancelled before the payment arrived");
		}
		else if (!order.isPaidBy(payment.transactionId())) {
			this.lifecycle.requestRefund(order, payment.transactionId(),
					"order " + order.id() + " was already " + order.status());
		}
	}

	/**
	 * Spends the coupon of an order just paid. A coupon that is not held by the order any
	 * more (which a healthy platform never sees) does not stand in the payment's way: it
	 * is logged and left to the coupon audit.
	 */
	private void redeem(Order order, OrderCoupon coupon) {
		Instant now = this.time.now();
		if (this.coupons.redeem(coupon.couponId(), order.id())) {
			this.store.appendTimeline(order.id(), order.buildingId(), "coupon-redeemed", now, "COUPON_REDEEMED",
					"coupon " + coupon.couponId() + " spent, " + coupon.discountCents() + " cents off");
		}
		else {
			log.warn("Order {} was paid but does not hold its coupon {}", order.id(), coupon.couponId());
		}
	}

}
