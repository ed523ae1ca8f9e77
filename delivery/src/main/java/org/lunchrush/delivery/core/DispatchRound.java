package org.lunchrush.delivery.core;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderFulfilment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transaction;

	DispatchRound(DeliveryStore store, DispatchStrategy strategy, CampusTime time, DeliveryProperties properties,
			Routes routes, OrderFulfilment orders, TransactionTemplate transaction) {
		this.transaction = transaction;
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
		List<DispatchStrategy.RiderRoute> riders = this.store.ridersOnShift()
			.stream()
			.map((rider) -> new DispatchStrategy.RiderRoute(rider, this.store.routeOf(rider.riderId())))
			.toList();
		if (riders.isEmpty()) {
			return;
		}
		List<Task> waiting = this.store.waiting(now.plus(this.properties.lookahead()));
		if (!waiting.isEmpty()) {
			int assigned = 0;
			for (DispatchStrategy.RiderPlan plan : this.strategy.plan(waiting, riders, now)) {
				assigned += this.transaction.execute((status) -> apply(plan));
			}
			log.info("Dispatch round: {} of {} waiting tasks given to {} riders on shift", assigned, waiting.size(),
					riders.size());
		}
		for (DispatchStrategy.RiderRoute rider : riders) {
			tellEtas(rider.rider(), now);
		}
	}

	/**
	 * Gives the plan's waiting tasks to its rider (each guarded: a task taken or
	 * cancelled meanwhile leaves the plan) and numbers the route's stops.
	 * @return how many tasks the rider was given
	 */
	private int apply(DispatchStrategy.RiderPlan plan) {
		Set<Long> held = new HashSet<>();
		this.store.routeOf(plan.riderId()).forEach((task) -> held.add(task.orderId()));
		int given = 0;
		Map<Long, Integer> pickups = new HashMap<>();
		int position = 0;
		for (DispatchStrategy.PlannedStop stop : plan.stops()) {
			if (!held.contains(stop.orderId())) {
				if (stop.kind() != RouteStop.Kind.PICKUP || !this.store.assign(stop.orderId(), plan.riderId())) {
					continue;
				}
				held.add(stop.orderId());
				given++;
			}
			position++;
			if (stop.kind() == RouteStop.Kind.PICKUP) {
				pickups.put(stop.orderId(), position);
			}
			else {
				this.store.placeStops(stop.orderId(), plan.riderId(), pickups.get(stop.orderId()), position);
			}
		}
		return given;
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
