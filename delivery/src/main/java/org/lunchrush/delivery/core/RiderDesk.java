package org.lunchrush.delivery.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.dispatch.Campus;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LiveNotice;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.ordering.OrderFulfilment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What riders do: go on and off shift, look at their route, pick up and hand over. Each
 * pickup and hand-over locks the task, checks that the caller holds it, and moves the
 * task and the order together in one transaction.
 */
@Service
class RiderDesk {

	private static final Logger log = LoggerFactory.getLogger(RiderDesk.class);

	private final DeliveryStore store;

	private final OrderFulfilment orders;

	private final Routes routes;

	private final CampusModel campus;

	private final DeliveryProperties properties;

	private final CampusTime time;

	private final RouteNotices notices;

	private final DeliveryMeters meters;

	RiderDesk(DeliveryStore store, OrderFulfilment orders, Routes routes, CampusModel campus,
			DeliveryProperties properties, CampusTime time, RouteNotices notices, DeliveryMeters meters) {
		this.notices = notices;
		this.meters = meters;
		this.store = store;
		this.orders = orders;
		this.routes = routes;
		this.campus = campus;
		this.properties = properties;
		this.time = time;
	}

	/**
	 * Goes on shift at a building (or where the rider last was), or off shift: the tasks
	 * not picked up yet go back to dispatch, those in the bag stay to be handed over.
	 * @throws LunchrushException {@code VALIDATION} for an unknown building, or going on
	 * shift the first time without one
	 */
	@Transactional
	public Rider shift(long riderId, boolean onShift, Optional<Long> buildingId) {
		Optional<Rider> known = this.store.rider(riderId);
		buildingId.filter((id) -> !this.campus.campus().knows(id)).ifPresent((id) -> {
			throw new LunchrushException(ErrorCode.VALIDATION,
					Map.of("field", "buildingId", "reason", "no such building: " + id));
		});
		long position = buildingId.or(() -> known.map(Rider::positionBuildingId))
			.orElseThrow(() -> new LunchrushException(ErrorCode.VALIDATION,
					Map.of("field", "buildingId", "reason", "where does the first shift start?")));
		this.store.saveShift(riderId, onShift, position,
				known.map(Rider::capacity).orElse(this.properties.riderCapacity()));
		if (onShift) {
			this.store.recordMove(riderId, RiderMove.Kind.SHIFT_START, position, null, this.time.now());
		}
		if (!onShift) {
			List<Long> back = this.store.unassignNotPickedUp(riderId);
			if (!back.isEmpty()) {
				log.info("Rider {} went off shift: {} tasks not picked up go back to dispatch", riderId, back.size());
			}
			back.forEach((orderId) -> this.notices
				.publish(LiveNotice.routeChanged(riderId, orderId, LiveNotice.RouteChange.RELEASED, this.time.now())));
		}
		return this.store.rider(riderId).orElseThrow();
	}

	/**
	 * @return the rider's shift as last set, empty for a rider who never went on shift
	 */
	public Optional<Rider> shiftOf(long riderId) {
		return this.store.rider(riderId);
	}

	/**
	 * @return the rider's campus day so far: orders picked up and handed over today, and
	 * the distance ridden along them (see {@link RiderDay})
	 */
	public RiderDay today(long riderId) {
		LocalDate day = this.time.today();
		Instant start = day.atStartOfDay(this.time.zone()).toInstant();
		Instant end = day.plusDays(1).atStartOfDay(this.time.zone()).toInstant();
		boolean onShift = this.store.rider(riderId).map(Rider::onShift).orElse(false);
		return RiderDay.of(riderId, day, start, this.store.movesOf(riderId, start, end), this.campus.campus(), onShift);
	}

	public List<Campus.TimedStop> route(long riderId) {
		return this.store.rider(riderId)
			.map((rider) -> this.routes.stops(rider, this.store.routeOf(riderId), this.time.now()))
			.orElse(List.of());
	}

	/**
	 * The rider takes the food at the stall: a task on the rider's route, or one still
	 * waiting for a rider (the rider takes it on the spot, if on shift with room in the
	 * bag).
	 * @throws LunchrushException {@code ORDER_NOT_FOUND} (no task, or cancelled),
	 * {@code TASK_TAKEN} when another rider holds it, {@code ORDER_STATE_CONFLICT} when
	 * it is already picked up or the food is not ready
	 */
	@Transactional
	public void pickUp(long riderId, long orderId) {
		Task task = openTask(orderId);
		if (task.status() == TaskStatus.WAITING) {
			Rider rider = this.store.rider(riderId)
				.filter(Rider::onShift)
				.orElseThrow(() -> new LunchrushException(ErrorCode.ORDER_STATE_CONFLICT,
						Map.of("orderId", Long.toString(orderId), "reason", "go on shift first")));
			if (this.store.routeOf(riderId).size() >= rider.capacity()) {
				throw new LunchrushException(ErrorCode.ORDER_STATE_CONFLICT,
						Map.of("orderId", Long.toString(orderId), "reason", "the bag is full"));
			}
			this.store.assign(orderId, riderId);
			this.store.appendStops(orderId, riderId);
			task = this.store.lockTask(orderId).orElseThrow();
		}
		heldInState(task, riderId, TaskStatus.ASSIGNED);
		this.orders.pickedUp(orderId, riderId);
		this.store.markPickedUp(orderId, riderId);
		this.store.movePosition(riderId, task.pickupBuildingId());
		this.store.recordMove(riderId, RiderMove.Kind.PICKUP, task.pickupBuildingId(), orderId, this.time.now());
	}

	/**
	 * The rider hands the food over at the student's building.
	 * @throws LunchrushException {@code ORDER_NOT_FOUND}, {@code TASK_TAKEN} when another
	 * rider holds it, {@code ORDER_STATE_CONFLICT} when it is not in the rider's bag
	 */
	@Transactional
	public void deliver(long riderId, long orderId) {
		Task task = openTask(orderId);
		heldInState(task, riderId, TaskStatus.PICKED_UP);
		this.orders.delivered(orderId, riderId);
		this.store.markDelivered(orderId, riderId);
		this.store.movePosition(riderId, task.dropoffBuildingId());
		Instant now = this.time.now();
		this.store.recordMove(riderId, RiderMove.Kind.DROPOFF, task.dropoffBuildingId(), orderId, now);
		this.meters.handedOver(task, now);
	}

	private Task openTask(long orderId) {
		return this.store.lockTask(orderId)
			.filter((task) -> task.status() != TaskStatus.CANCELLED)
			.orElseThrow(
					() -> new LunchrushException(ErrorCode.ORDER_NOT_FOUND, Map.of("orderId", Long.toString(orderId))));
	}

	/**
	 * @throws LunchrushException {@code TASK_TAKEN} when another rider (or nobody) holds
	 * the task, {@code ORDER_STATE_CONFLICT} when it is not where the move starts
	 */
	private static void heldInState(Task task, long riderId, TaskStatus expected) {
		if (task.riderId() == null || task.riderId() != riderId) {
			throw new LunchrushException(ErrorCode.TASK_TAKEN, Map.of("orderId", Long.toString(task.orderId())));
		}
		if (task.status() != expected) {
			throw new LunchrushException(ErrorCode.ORDER_STATE_CONFLICT,
					Map.of("orderId", Long.toString(task.orderId()), "status", task.status().name()));
		}
	}

}
