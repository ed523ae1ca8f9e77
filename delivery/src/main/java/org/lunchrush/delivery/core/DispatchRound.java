package org.lunchrush.delivery.core;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lunchrush.cluster.Fence;
import org.lunchrush.cluster.Leases;
import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.dispatch.Campus;
import org.lunchrush.dispatch.DispatchStrategy;
import org.lunchrush.dispatch.PlannedStop;
import org.lunchrush.dispatch.RiderPlan;
import org.lunchrush.dispatch.RiderRoute;
import org.lunchrush.dispatch.StopKind;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.LiveNotice;
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
 * time moved by a minute or more is told on the order's timeline ({@code ETA}), after
 * every round or, under load, fewer ({@link EtaPace}).
 * <p>
 * One platform process at a time runs a round (the lease {@value #LEASE}, held at most
 * one round interval, so that when its holder dies another process runs the round after
 * next at the latest). Every transaction of a round checks the lease's fence: a process
 * paused mid-round past its lease assigns nothing once another has taken over.
 */
@Component
class DispatchRound {

	private static final Logger log = LoggerFactory.getLogger(DispatchRound.class);

	private final DeliveryStore store;

	private final DispatchStrategy strategy;

	private final CampusTime time;

	private final DeliveryProperties properties;

	private final Routes routes;

	private final CampusModel campus;

	private final OrderFulfilment orders;

	private final TransactionTemplate transaction;

	static final String LEASE = "dispatch-round";

	private final RouteNotices notices;

	private final Leases leases;

	private final EtaPace etaPace;

	DispatchRound(DeliveryStore store, DispatchStrategy strategy, CampusTime time, DeliveryProperties properties,
			Routes routes, CampusModel campus, OrderFulfilment orders, TransactionTemplate transaction,
			RouteNotices notices, Leases leases, EtaPace etaPace) {
		this.leases = leases;
		this.etaPace = etaPace;
		this.notices = notices;
		this.store = store;
		this.strategy = strategy;
		this.time = time;
		this.properties = properties;
		this.routes = routes;
		this.campus = campus;
		this.orders = orders;
		this.transaction = transaction;
	}

	@Scheduled(fixedDelayString = "${lunchrush.delivery.round-interval:15s}")
	void run() {
		this.leases.runExclusively(LEASE, Leases.atLeastForInterval(this.properties.roundInterval()),
				this.properties.roundInterval(), this::run);
	}

	private void run(Fence fence) {
		Instant now = this.time.now();
		Map<Long, Rider> riders = new LinkedHashMap<>();
		Map<Long, List<Task>> held = new HashMap<>();
		for (Rider rider : this.store.ridersOnShift()) {
			riders.put(rider.riderId(), rider);
			held.put(rider.riderId(), this.store.routeOf(rider.riderId()));
		}
		if (riders.isEmpty()) {
			return;
		}
		Campus campus = this.campus.campus();
		List<Task> waiting = this.store.waiting(now.plus(this.properties.lookahead()));
		if (!waiting.isEmpty()) {
			List<RiderRoute> routes = riders.values()
				.stream()
				.map((rider) -> this.routes.route(rider, held.get(rider.riderId())))
				.toList();
			long began = System.nanoTime();
			List<RiderPlan> plans = this.strategy
				.plan(new DispatchStrategy.Round(now, waiting.stream().map(Task::toDispatch).toList(), routes, campus));
			long planned = System.nanoTime();
			int assigned = 0;
			for (RiderPlan plan : plans) {
				assigned += this.transaction.execute((status) -> {
					fence.check();
					return apply(plan, now);
				});
				held.put(plan.riderId(), this.store.routeOf(plan.riderId()));
			}
			log.info("Dispatch round: {} of {} waiting tasks given to {} riders on shift (planned in {} ms)", assigned,
					waiting.size(), riders.size(), Duration.ofNanos(planned - began).toMillis());
		}
		if (!this.etaPace.tellsThisRound()) {
			return;
		}
		riders.forEach((riderId, rider) -> this.transaction.executeWithoutResult((status) -> {
			fence.check();
			tellEtas(campus, rider, held.get(riderId), now);
		}));
	}

	/**
	 * Gives the plan's waiting tasks to its rider (each guarded: a task taken or
	 * cancelled meanwhile leaves the plan) and numbers the route's stops. The rider is
	 * told of each task it was given ({@code ROUTE_CHANGED}, {@code ASSIGNED}).
	 * @return how many tasks the rider was given
	 */
	private int apply(RiderPlan plan, Instant now) {
		Set<Long> held = new HashSet<>();
		this.store.routeOf(plan.riderId()).forEach((task) -> held.add(task.orderId()));
		int given = 0;
		Map<Long, Integer> pickups = new HashMap<>();
		int position = 0;
		for (PlannedStop stop : plan.stops()) {
			if (!held.contains(stop.orderId())) {
				if (stop.kind() != StopKind.PICKUP || !this.store.assign(stop.orderId(), plan.riderId())) {
					continue;
				}
				held.add(stop.orderId());
				given++;
				// sent once this plan's transaction commits
				this.notices.publish(
						LiveNotice.routeChanged(plan.riderId(), stop.orderId(), LiveNotice.RouteChange.ASSIGNED, now));
			}
			position++;
			if (stop.kind() == StopKind.PICKUP) {
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
	private void tellEtas(Campus campus, Rider rider, List<Task> route, Instant now) {
		if (route.isEmpty()) {
			return;
		}
		for (Campus.TimedStop stop : campus.schedule(this.routes.route(rider, route), now)) {
			if (stop.kind() != StopKind.DROPOFF) {
				continue;
			}
			boolean moved = this.store.toldEta(stop.orderId())
				.map((told) -> Duration.between(told, stop.arrival()).abs().compareTo(Duration.ofMinutes(1)) >= 0)
				.orElse(true);
			if (moved) {
				this.orders.estimated(stop.orderId(), stop.arrival());
				this.store.tellEta(stop.orderId(), stop.arrival());
			}
		}
	}

}
