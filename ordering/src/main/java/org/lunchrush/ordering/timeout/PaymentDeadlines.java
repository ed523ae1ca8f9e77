package org.lunchrush.ordering.timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lunchrush.cluster.Fence;
import org.lunchrush.cluster.FencedOffException;
import org.lunchrush.cluster.Leases;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.domain.Order;
import org.lunchrush.ordering.domain.StatusChange;
import org.lunchrush.ordering.lifecycle.OrderLifecycle;
import org.lunchrush.ordering.persistence.OrderRecord;
import org.lunchrush.ordering.persistence.OrderStore;
import org.lunchrush.payment.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cancels orders still unpaid at their deadline, exactly once each, and releases their
 * stock. Each order is cancelled in its own transaction under a row lock, so a payment
 * racing the deadline either lands first (and the order is not cancelled) or finds the
 * order cancelled (and is refunded). One platform process at a time runs it (the lease
 * {@value #LEASE}); each batch's transaction checks the lease's fence, so a process that
 * was paused past its lease cancels nothing once another has taken over.
 */
@Component
class PaymentDeadlines {

	private static final Logger log = LoggerFactory.getLogger(PaymentDeadlines.class);

	private static final int BATCH = 200;

	static final String LEASE = "payment-deadlines";

	/**
	 * How long the lease is held if a run never ends: far longer than a run takes.
	 */
	private static final Duration LEASE_AT_MOST = Duration.ofMinutes(1);

	private final OrderStore store;

	private final OrderLifecycle lifecycle;

	private final TransactionTemplate transaction;

	private final CampusTime time;

	private final Payments payments;

	private final Leases leases;

	private final Duration interval;

	PaymentDeadlines(OrderStore store, OrderLifecycle lifecycle, TransactionTemplate transaction, CampusTime time,
			Payments payments, Leases leases,
			@Value("${lunchrush.ordering.deadline-check-interval:PT5S}") Duration interval) {
		this.leases = leases;
		this.interval = interval;
		this.store = store;
		this.lifecycle = lifecycle;
		this.transaction = transaction;
		this.time = time;
		this.payments = payments;
	}

	@Scheduled(fixedDelayString = "${lunchrush.ordering.deadline-check-interval:PT5S}")
	void cancelOverdue() {
		this.leases.runExclusively(LEASE, Leases.atLeastForInterval(this.interval), LEASE_AT_MOST.plus(this.interval),
				this::cancelOverdue);
	}

	private void cancelOverdue(Fence fence) {
		List<Long> overdue;
		int cancelled;
		do {
			overdue = this.store.overdue(this.time.now(), BATCH);
			cancelled = cancelAll(overdue, fence);
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
	private int cancelAll(List<Long> orderIds, Fence fence) {
		Map<Long, Instant> charged = this.payments.firstChargedAt(orderIds);
		try {
			Integer cancelled = this.transaction.execute((status) -> {
				fence.check();
				return (int) orderIds.stream().filter((id) -> cancel(id, charged.get(id))).count();
			});
			return (cancelled != null) ? cancelled : 0;
		}
		catch (FencedOffException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			log.warn("Cancelling a batch of {} overdue orders failed ({}); cancelling them one by one", orderIds.size(),
					ex.toString());
			int cancelled = 0;
			for (long orderId : orderIds) {
				try {
					cancelled += Boolean.TRUE.equals(this.transaction.execute((status) -> {
						fence.check();
						return cancel(orderId, charged.get(orderId));
					})) ? 1 : 0;
				}
				catch (FencedOffException fenced) {
					throw fenced;
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
