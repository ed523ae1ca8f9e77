package org.lunchrush.ordering.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.OrderStock;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LiveNotice;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.kernel.Traces;
import org.lunchrush.ordering.OrderFulfilment;
import org.lunchrush.ordering.OrderStatusChanged;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.OrderStatus;
import org.lunchrush.ordering.domain.StatusChange;
import org.lunchrush.ordering.events.LiveNotices;
import org.lunchrush.ordering.intake.OrderingProperties;
import org.lunchrush.ordering.persistence.OrderRecord;
import org.lunchrush.ordering.persistence.OrderStore;
import org.lunchrush.payment.Payments;
import org.lunchrush.payment.RefundReceipt;
import org.lunchrush.payment.RefundSucceeded;
import org.lunchrush.promotion.Coupons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moves of an order after it is paid for, or instead: the merchant accepts, rejects
 * or marks it ready, the student cancels. Each move locks the order row, is guarded by
 * the aggregate and by the state it leaves, and gives back what the order held (its
 * stock, its coupon, its money) exactly once. Money goes back asynchronously: a cancelled
 * paid order asks for a refund and becomes {@code REFUNDED} when the provider confirms
 * it.
 */
@Service
public class OrderLifecycle implements OrderFulfilment {

	private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);

	/** The statuses in which the stall (or the rider) can still hurry. */
	private static final Set<OrderStatus> URGEABLE = EnumSet.of(OrderStatus.PAID, OrderStatus.ACCEPTED,
			OrderStatus.READY, OrderStatus.PICKED_UP);

	private final OrderStore store;

	private final Inventory inventory;

	private final Payments payments;

	private final CampusTime time;

	private final ApplicationEventPublisher events;

	private final Coupons coupons;

	private final LiveNotices notices;

	private final Duration urgeInterval;

	private final Traces traces;

	OrderLifecycle(OrderStore store, Inventory inventory, Payments payments, CampusTime time,
			ApplicationEventPublisher events, Coupons coupons, LiveNotices notices, OrderingProperties properties,
			Traces traces) {
		this.traces = traces;
		this.coupons = coupons;
		this.notices = notices;
		this.urgeInterval = properties.urgeInterval();
		this.store = store;
		this.inventory = inventory;
		this.payments = payments;
		this.time = time;
		this.events = events;
	}

	@Transactional
	public OrderRecord accept(long merchantId, long orderId) {
		return moveMerchantOrder(merchantId, orderId, (order) -> order.accept(this.time.now()));
	}

	@Transactional
	public OrderRecord markReady(long merchantId, long orderId) {
		return moveMerchantOrder(merchantId, orderId, (order) -> order.markReady(this.time.now()));
	}

	/**
	 * Rejecting a paid order cancels it, gives its stock back and refunds it.
	 */
	@Transactional
	public OrderRecord reject(long merchantId, long orderId, String reason) {
		OrderRecord record = lockedOrder(orderId, (order) -> order.isFrom(merchantId));
		Order order = record.order();
		StatusChange rejected = order.reject(reason, this.time.now());
		String transaction = order.paidTransactionId().orElseThrow();
		apply(order, rejected);
		releaseHoldings(record);
		requestRefund(order, transaction, "rejected by the merchant: " + reason);
		return reloaded(orderId);
	}

	/**
	 * The student cancels. Before the merchant accepts, the order is cancelled at once:
	 * stock goes back, and money too if it was paid. Once accepted (or ready), the
	 * student's cancel is a request the merchant approves or declines. Later moves are
	 * refused with {@code ORDER_STATE_CONFLICT}.
	 */
	@Transactional
	public OrderRecord cancelByStudent(long studentId, long orderId) {
		OrderRecord record = lockedOrder(orderId, (order) -> order.isOwnedBy(studentId));
		Order order = record.order();
		if (order.status() == OrderStatus.ACCEPTED || order.status() == OrderStatus.READY) {
			Instant now = this.time.now();
			if (order.requestCancellation(now)) {
				this.store.recordCancellationRequest(orderId, Optional.of(now), order.status());
				this.store.appendTimeline(orderId, order.buildingId(), "cancellation-requested:" + now.toEpochMilli(),
						now, "CANCELLATION_REQUESTED", "the student asks to cancel; the merchant decides");
				notify(LiveNotice.Kind.CANCELLATION_REQUESTED, order, now);
			}
			return reloaded(orderId);
		}
		Optional<String> transaction = order.paidTransactionId();
		apply(order, order.cancelByStudent(this.time.now()));
		releaseHoldings(record);
		transaction.ifPresent((txn) -> requestRefund(order, txn, "cancelled by the student"));
		return reloaded(orderId);
	}

	/**
	 * The merchant agrees to cancel an accepted order: stock back, money back.
	 */
	@Transactional
	public OrderRecord approveCancellation(long merchantId, long orderId) {
		OrderRecord record = lockedOrder(orderId, (order) -> order.isFrom(merchantId));
		Order order = record.order();
		StatusChange cancelled = order.approveCancellation(this.time.now());
		String transaction = order.paidTransactionId().orElseThrow();
		apply(order, cancelled);
		this.store.recordCancellationRequest(orderId, Optional.empty(), OrderStatus.CANCELLED);
		releaseHoldings(record);
		requestRefund(order, transaction, "cancellation approved by the merchant");
		return reloaded(orderId);
	}

	@Override
	@Transactional
	public void pickedUp(long orderId, long riderId) {
		OrderRecord record = lockedOrder(orderId, (order) -> true);
		apply(record.order(), record.order().markPickedUp(riderId, this.time.now()));
	}

	@Override
	@Transactional
	public void delivered(long orderId, long riderId) {
		OrderRecord record = lockedOrder(orderId, (order) -> true);
		apply(record.order(), record.order().markDelivered(riderId, this.time.now()));
	}

	@Override
	@Transactional
	public void promised(long orderId, Instant promisedBy) {
		this.store.find(orderId).ifPresent((record) -> {
			if (this.store.recordPromise(orderId, promisedBy)) {
				Instant now = this.time.now();
				this.store.appendTimeline(orderId, record.order().buildingId(), "promised", now, "PROMISED",
						"承诺 " + minute(promisedBy) + " 前送达 / promised at the door by " + minute(promisedBy));
				notify(LiveNotice.Kind.PROMISED, record.order(), now);
			}
		});
	}

	@Override
	@Transactional
	public void estimated(long orderId, Instant handOverAt) {
		this.store.find(orderId).ifPresent((record) -> {
			this.store.recordEta(orderId, handOverAt);
			Instant now = this.time.now();
			if (this.store.appendTimeline(orderId, record.order().buildingId(),
					"eta:" + handOverAt.truncatedTo(ChronoUnit.MINUTES).getEpochSecond(), now, "ETA",
					"预计 " + minute(handOverAt) + " 送达 / expected at the door around " + minute(handOverAt))) {
				notify(LiveNotice.Kind.ETA, record.order(), now);
			}
		});
	}

	/** The campus time of day to the minute, as a student reads it: {@code 12:31}. */
	private String minute(Instant at) {
		return this.time.local(at).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
	}

	/**
	 * The merchant turns the student's request down; the order goes on as it was.
	 */
	@Transactional
	public OrderRecord declineCancellation(long merchantId, long orderId, String reason) {
		OrderRecord record = lockedOrder(orderId, (order) -> order.isFrom(merchantId));
		Order order = record.order();
		order.declineCancellation();
		Instant now = this.time.now();
		this.store.recordCancellationRequest(orderId, Optional.empty(), order.status());
		this.store.appendTimeline(orderId, order.buildingId(), "cancellation-declined:" + now.toEpochMilli(), now,
				"CANCELLATION_DECLINED", "the merchant declined: " + reason);
		notify(LiveNotice.Kind.CANCELLATION_DECLINED, order, now);
		return reloaded(orderId);
	}

	/**
	 * The student asks the stall to hurry (催单), at most once per order every
	 * {@code lunchrush.ordering.urge-interval}. The interval holds across platform
	 * processes: the time of the last urge is kept with the order and taken by a
	 * conditional update, so of two urges at once only one gets through.
	 * @throws LunchrushException {@code ORDER_NOT_FOUND} (no such order, or another
	 * student's), {@code ORDER_STATE_CONFLICT} unless the order is paid and not yet
	 * delivered, {@code RATE_LIMITED} (scope {@code urge}) when the last urge was too
	 * recent
	 */
	@Transactional
	public Urge urge(long studentId, long orderId) {
		Order order = ownOrder(studentId, orderId);
		requireUrgeable(order);
		Instant now = this.time.now();
		if (!this.store.recordUrge(orderId, now, now.minus(this.urgeInterval), URGEABLE)) {
			// Refused: either urged too recently, or the order moved since it was read.
			requireUrgeable(ownOrder(studentId, orderId));
			Instant next = this.store.lastUrgedAt(orderId).orElse(now).plus(this.urgeInterval);
			long seconds = Math.max(1, (Duration.between(now, next).toMillis() + 999) / 1000);
			throw new LunchrushException(ErrorCode.RATE_LIMITED, Map.of("scope", "urge", "retryAfterSeconds", seconds,
					"orderId", Long.toString(orderId), "nextUrgeAt", this.time.local(next).toString()));
		}
		this.store.appendTimeline(orderId, order.buildingId(), "urged:" + now.toEpochMilli(), now, "URGED",
				"催单 / the student asked the stall to hurry");
		notify(LiveNotice.Kind.URGED, order, now);
		return new Urge(orderId, now, now.plus(this.urgeInterval));
	}

	/**
	 * A 催单 that got through.
	 *
	 * @param orderId the order urged
	 * @param urgedAt when
	 * @param nextUrgeAt the earliest time the student may urge the order again
	 */
	public record Urge(long orderId, Instant urgedAt, Instant nextUrgeAt) {
	}

	private Order ownOrder(long studentId, long orderId) {
		return this.store.find(orderId)
			.map(OrderRecord::order)
			.filter((order) -> order.isOwnedBy(studentId))
			.orElseThrow(
					() -> new LunchrushException(ErrorCode.ORDER_NOT_FOUND, Map.of("orderId", Long.toString(orderId))));
	}

	private static void requireUrgeable(Order order) {
		if (!URGEABLE.contains(order.status())) {
			throw new LunchrushException(ErrorCode.ORDER_STATE_CONFLICT,
					Map.of("orderId", Long.toString(order.id()), "status", order.status().name()));
		}
	}

	/**
	 * Tells the order's student and stall after the commit (the kind decides which of
	 * them hears it).
	 */
	private void notify(LiveNotice.Kind kind, Order order, Instant at) {
		this.notices.publish(LiveNotice.aboutOrder(kind, order.id(), order.studentId(), order.merchantId(), at));
	}

	/**
	 * Gives back what a cancelled order held, in the caller's transaction: its stock
	 * (recorded once per order and item in the stock ledger) and its coupon (once per
	 * order in the coupon ledger, whether it was locked or already redeemed), whoever
	 * asks and however often. The two are separate steps: a coupon that cannot be
	 * released never keeps the stock back.
	 */
	public void releaseHoldings(OrderRecord record) {
		Order order = record.order();
		Instant now = this.time.now();
		this.inventory.release(new OrderStock(order.id(), order.merchantId(), record.stockDay(),
				order.lines().stream().map((l) -> new StockLine(l.itemId(), l.quantity())).toList(), now));
		this.store.appendTimeline(order.id(), order.buildingId(), "stock-released", now, "STOCK_RELEASED",
				"stock of " + order.lines().size() + " item(s) returned");
		order.coupon().ifPresent((coupon) -> {
			if (this.coupons.release(coupon.couponId(), order.id())) {
				this.store.appendTimeline(order.id(), order.buildingId(), "coupon-released", now, "COUPON_RELEASED",
						"coupon " + coupon.couponId() + " returned to the student");
			}
		});
	}

	/**
	 * Asks for the money of one provider transaction of an order back (idempotent per
	 * transaction) and records the request on the timeline. The provider confirms the
	 * refund later; {@link #confirmRefund} applies the confirmation.
	 */
	public RefundReceipt requestRefund(Order order, String transactionId, String reason) {
		RefundReceipt refund = this.payments.refund(order.id(), transactionId, reason);
		log.info("Refund {} requested for transaction {} of order {}: {}", refund.refundId(), transactionId, order.id(),
				reason);
		this.store.appendTimeline(order.id(), order.buildingId(), "refund-requested:" + transactionId, this.time.now(),
				"REFUND_REQUESTED", reason + "; refund " + refund.refundId() + " of " + refund.amountCents()
						+ " cents for transaction " + transactionId + " asked of the provider");
		return refund;
	}

	/**
	 * Applies the provider's confirmation of a refund, once per refund: it goes on the
	 * timeline, and a cancelled order whose money this was becomes {@code REFUNDED}.
	 */
	@Transactional
	public void confirmRefund(RefundSucceeded refund) {
		OrderRecord record = this.store.lock(refund.orderId())
			.orElseThrow(() -> new IllegalStateException("Refund for unknown order " + refund.orderId()));
		Order order = record.order();
		Instant now = this.time.now();
		boolean first = this.store.appendTimeline(order.id(), order.buildingId(), refund.eventId(), now, "REFUND",
				"refund " + refund.refundId() + " of " + refund.amountCents() + " cents for transaction "
						+ refund.transactionId() + " confirmed by the provider (reference " + refund.providerRefundId()
						+ ")" + (refund.requestedByPlatform() ? "" : ", refunded at the provider"));
		boolean ownMoney = order.paidTransactionId().map(refund.transactionId()::equals).orElse(true);
		if (first && order.status() == OrderStatus.CANCELLED && ownMoney) {
			apply(order, order.markRefunded("refund " + refund.refundId() + " of " + refund.amountCents()
					+ " cents for transaction " + refund.transactionId(), now));
		}
	}

	private OrderRecord moveMerchantOrder(long merchantId, long orderId, Function<Order, StatusChange> move) {
		OrderRecord record = lockedOrder(orderId, (order) -> order.isFrom(merchantId));
		apply(record.order(), move.apply(record.order()));
		return reloaded(orderId);
	}

	private OrderRecord lockedOrder(long orderId, Predicate<Order> visibleTo) {
		return this.store.lock(orderId)
			.filter((record) -> visibleTo.test(record.order()))
			.orElseThrow(
					() -> new LunchrushException(ErrorCode.ORDER_NOT_FOUND, Map.of("orderId", Long.toString(orderId))));
	}

	/**
	 * Stores a transition, guarded by the status it leaves, and publishes it through the
	 * outbox in the caller's transaction: every status change of a persisted order goes
	 * through here. The event keeps the trace the change was made in, for its relay.
	 * @return false when the order had already moved
	 */
	public boolean record(Order order, StatusChange change) {
		if (!this.store.apply(change, order.buildingId(), order.paidTransactionId())) {
			return false;
		}
		this.events.publishEvent(
				OrderStatusChanged
					.of(order.id(), order.studentId(), order.merchantId(), order.buildingId(), change.from().name(),
							change.to().name(), change.at(), change.detail())
					.withTraceparent(this.traces.currentParent()));
		return true;
	}

	private void apply(Order order, StatusChange change) {
		if (!record(order, change)) {
			// The row is locked, so only a bug elsewhere gets here.
			throw new IllegalStateException("Order " + order.id() + " changed under its lock");
		}
	}

	private OrderRecord reloaded(long orderId) {
		return this.store.find(orderId).orElseThrow();
	}

}
