package org.lunchrush.ordering.events;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.lunchrush.ordering.OrderStatusChanged;
import org.lunchrush.ordering.domain.OrderStatus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The order funnel as a metric: {@code lunchrush.orders.transitions{to}} counts the
 * status changes of persisted orders this process committed ({@code PAID},
 * {@code ACCEPTED}, {@code DELIVERED}, {@code CANCELLED}, …), one counter per status,
 * each registered at zero so that a rate exists before the first order. The first step of
 * the funnel, an order accepted by intake, is the order route's {@code 202} in
 * {@code http.server.requests}.
 * <p>
 * A plain listener that counts once the transaction commits, not a transactional event
 * listener: Spring Modulith keeps a publication row for each of those, a database write
 * per status change for a counter.
 */
@Component
class OrderStatusMeters {

	static final String METER = "lunchrush.orders.transitions";

	/**
	 * The statuses reached through {@link OrderStatusChanged}: an order is persisted
	 * already {@code PENDING_PAYMENT}, without an event of its own.
	 */
	static final Set<OrderStatus> COUNTED = EnumSet
		.complementOf(EnumSet.of(OrderStatus.PLACED, OrderStatus.PENDING_PAYMENT));

	private final Map<OrderStatus, Counter> transitions = new EnumMap<>(OrderStatus.class);

	OrderStatusMeters(MeterRegistry meters) {
		for (OrderStatus status : COUNTED) {
			this.transitions.put(status,
					Counter.builder(METER)
						.description("Status changes of persisted orders, by the status reached")
						.tag("to", status.name())
						.register(meters));
		}
	}

	@EventListener
	void on(OrderStatusChanged change) {
		Counter counter = this.transitions.get(OrderStatus.valueOf(change.to()));
		if (counter == null) {
			// PLACED and PENDING_PAYMENT: an order reaches them without this event.
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					counter.increment();
				}
			});
		}
		else {
			counter.increment();
		}
	}

}
