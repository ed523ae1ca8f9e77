package org.lunchrush.ordering;

import java.time.Instant;
import java.util.Optional;

/**
 * An order moved from one status to another after it was persisted: paid, accepted,
 * ready, cancelled, refunded. Committed with the change through the outbox and relayed to
 * the Kafka topic {@link OrderingTopics#ORDER_EVENTS}, keyed by order id, for delivery,
 * notifications and read models. (The first event of an order, {@link OrderPlaced}, is
 * the intake's append to {@link OrderingTopics#ORDERS} itself.)
 *
 * @param eventId unique per order and status: an order reaches each status at most once
 * @param traceparent the W3C trace context the change was made in, kept with the event so
 * that its relay continues that trace however late it runs; {@code null} when the change
 * was made outside any trace (and in events written before it was kept)
 */
public record OrderStatusChanged(String eventId, long orderId, long studentId, long merchantId, long buildingId,
		String from, String to, Instant at, String detail, String traceparent) {

	public static OrderStatusChanged of(long orderId, long studentId, long merchantId, long buildingId, String from,
			String to, Instant at, String detail) {
		return new OrderStatusChanged("order-status:" + orderId + ":" + to, orderId, studentId, merchantId, buildingId,
				from, to, at, detail, null);
	}

	/**
	 * @return this change, made in the trace a {@code traceparent} names
	 */
	public OrderStatusChanged withTraceparent(Optional<String> traceparent) {
		return new OrderStatusChanged(this.eventId, this.orderId, this.studentId, this.merchantId, this.buildingId,
				this.from, this.to, this.at, this.detail, traceparent.orElse(null));
	}

}
