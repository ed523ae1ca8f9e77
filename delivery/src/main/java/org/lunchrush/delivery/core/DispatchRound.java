package org.lunchrush.delivery.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderFulfilment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A dispatch round, every {@code lunchrush.delivery.round-interval}: the tasks waiting
 * for a rider whose food is ready or due within the lookahead go to riders on shift, as
 * the strategy decides. Each assignment is a guarded update, so a task changed meanwhile
 * (a cancellation, a rider who took it) is skipped. Then each student whose hand-over
 * time moved by a minute or more is told on the order's timeline ({@code ETA}).
 */
@Component
class DispatchRound {

	private static final Logger log = LoggerFactory.getLogger(DispatchRound.class);

	private final DeliveryStore store;

	private final DispatchStrategy strategy;

	private final CampusTime time;

	private final DeliveryProperties properties;

	private final Routes routes;

	private final OrderFulfilment orders;

	DispatchRound(DeliveryStore store, DispatchStrategy strategy, CampusTime time, DeliveryProperties properties,
			Routes routes, OrderFulfilment orders) {
		this.routes = routes;
		this.orders = orders;
		this.store = store;
		this.strategy = strategy;
		this.time = time;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${lunchrush.delivery.round-interval:15s}")
	void run() {
		Instant now = this.time.now();
		List<DeliveryStore.RiderLoad> riders = this.store.ridersOnShift();
		if (riders.isEmpty()) {
			return;
		}
		List<Task> waiting = this.store.waiting(now.plus(this.properties.lookahead()));
		if (!waiting.isEmpty()) {
			int assigned = 0;
			for (DispatchStrategy.Assignment assignment : this.strategy.assign(waiting, riders, now)) {
				if (this.store.assign(assignment.orderId(), assignment.riderId())) {
					assigned++;
				}
			}
			log.info("Dispatch round: {} of {} waiting tasks given to {} riders on shift", assigned, waiting.size(),
					riders.size());
		}
		for (DeliveryStore.RiderLoad rider : riders) {
			tellEtas(rider.rider(), now);
		}
	}

	/**
	 * Tells each student on the rider's route when the food should reach the door, when
	 * that moved by a minute or more since it was last told.
	 */
	private void tellEtas(Rider rider, Instant now) {
		List<Task> route = this.store.routeOf(rider.riderId());
		if (route.isEmpty()) {
			return;
		}
		for (RouteStop stop : this.routes.stops(rider, route, now)) {
			if (stop.kind() != RouteStop.Kind.DROPOFF) {
				continue;
			}
			boolean moved = this.store.toldEta(stop.orderId())
				.map((told) -> Duration.between(told, stop.eta()).abs().compareTo(Duration.ofMinutes(1)) >= 0)
				.orElse(true);
			if (moved) {
				this.orders.estimated(stop.orderId(), stop.eta());
				this.store.tellEta(stop.orderId(), stop.eta());
			}
		}
	}

}
