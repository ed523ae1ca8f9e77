package org.lunchrush.ordering.timeout;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.StatusChange;
import org.lunchrush.ordering.lifecycle.OrderLifecycle;
import org.lunchrush.ordering.persistence.OrderRecord;
import org.lunchrush.ordering.persistence.OrderStore;
import org.lunchrush.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels orders still unpaid at their deadline, exactly once each, and releases their
 * stock. Each order is cancelled in its own transaction under a row lock, so a payment
 * racing the deadline either lands first (and the order is not cancelled) or finds the
 * order cancelled (and is refunded). Several processes may run this at once.
 */
@Component
class PaymentDeadlines {

	private static final Logger log = LoggerFactory.getLogger(PaymentDeadlines.class);

	private static final int BATCH = 200;

	private final OrderStore store;

	private final OrderLifecycle lifecycle;

	private final TransactionTemplate transaction;

	private final CampusTime time;

	private final Payments payments;

	PaymentDeadlines(OrderStore store, OrderLifecycle lifecycle, TransactionTemplate transaction, CampusTime time,
			Payments payments) {
		this.store = store;
		this.lifecycle = lifecycle;
		this.transaction = transaction;
		this.time = time;
		this.payments = payments;
	}

	@Scheduled(fixedDelayString = "${lunchrush.ordering.deadline-check-interval:PT5S}")
	void cancelOverdue() {
		List<Long> overdue;
		int cancelled;
		do {
			overdue = this.store.overdue(this.time.now(), BATCH);
			cancelled = cancelAll(overdue);
			if (cancelled > 0) {
				log.info("Cancelled {} unpaid orders past their deadline", cancelled);
			}
		}
		// A full batch of which nothing could be cancelled is left for the next run, not
		// spun on.
		while (overdue.size() == BATCH && cancelled > 0);
	}

	/**
	 * One transaction, so one commit, for the whole batch: after a rush of unpaid orders
	 * the deadlines fall due by the thousand, and a commit per order made cancelling them
	 * take minutes. Should one order fail, the batch is retried order by order so that it
	 * cannot hold the others back.
	 */
	private int cancelAll(List<Long> orderIds) {
		Map<Long, Instant> charged = this.payments.firstChargedAt(orderIds);
		try {
			Integer cancelled = this.transaction
				.execute((status) -> (int) orderIds.stream().filter((id) -> cancel(id, charged.get(id))).count());
			return (cancelled != null) ? cancelled : 0;
		}
		catch (RuntimeException ex) {
			log.warn("Cancelling a batch of {} overdue orders failed ({}); cancelling them one by one", orderIds.size(),
					ex.toString());
			int cancelled = 0;
			for (long orderId : orderIds) {
				try {
					cancelled += Boolean.TRUE
						.equals(this.transaction.execute((status) -> cancel(orderId, charged.get(orderId)))) ? 1 : 0;
				}
				catch (RuntimeException failure) {
					log.error("Could not cancel overdue order {}", orderId, failure);
				}
			}
			return cancelled;
		}
	}

	/**
	 * @param chargedAt when the provider charged for the order, if it did: a charge made
	 * in time whose status update is still on its way (RabbitMQ was away, say) is not a
	 * reason to cancel; the update will pay the order.
	 */
	private boolean cancel(long orderId, Instant chargedAt) {
		Instant now = this.time.now();
		OrderRecord record = this.store.lock(orderId).orElseThrow();
		Order order = record.order();
		if (!order.isPaymentOverdue(now)) {
			return false;
		}
		if (chargedAt != null && !chargedAt.isAfter(order.payBy())) {
			log.debug("Order {} was paid in time; waiting for its payment update", orderId);
			return false;
		}
		StatusChange change = order.cancelUnpaid(now);
		if (!this.lifecycle.record(order, change)) {
			return false;
		}
		this.lifecycle.releaseHoldings(record);
		return true;
	}

}
