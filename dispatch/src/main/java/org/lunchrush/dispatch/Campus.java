package org.lunchrush.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The campus as dispatch sees it: where the buildings stand, how long riding between them
 * takes, and how long each stop lasts.
 * <p>
 * A calibrated metric, not a path graph: the straight line on the campus plan lengthened
 * by a detour factor for the paths around lawns and buildings, ridden at a rider's speed.
 * Each stop at a building other than the last one costs a fixed overhead (parking the
 * bike, walking in and out) on top of the time per order, so that carrying several orders
 * from one canteen to one dorm building costs the overhead once: the reason batching by
 * pickup point and destination building pays.
 *
 * @param buildings where each building stands, by id
 * @param detourFactor path length over straight-line distance (1.3 on the demo campus)
 * @param metresPerSecond riding speed (4 m/s, a bicycle)
 * @param stopOverhead time to park, walk in and come back out at a building
 * @param pickupService time per order taken at a stall's counter
 * @param dropoffService time per order put on a dorm's delivery shelf and announced
 */
public record Campus(Map<Long, Point> buildings, double detourFactor, double metresPerSecond, Duration stopOverhead,
		Duration pickupService, Duration dropoffService) {

	public Campus {
		buildings = Map.copyOf(buildings);
		if (!(detourFactor >= 1) || !(metresPerSecond > 0)) {
			throw new IllegalArgumentException(
					"detour factor must be at least 1 and speed positive: " + detourFactor + ", " + metresPerSecond);
		}
		if (stopOverhead.isNegative() || pickupService.isNegative() || dropoffService.isNegative()) {
			throw new IllegalArgumentException("service times must not be negative");
		}
	}

	public boolean knows(long buildingId) {
		return this.buildings.containsKey(buildingId);
	}

	/**
	 * @return the path length between two buildings, in metres
	 */
	public double metres(long fromBuildingId, long toBuildingId) {
		if (fromBuildingId == toBuildingId) {
			return 0;
		}
		return point(fromBuildingId).distanceTo(point(toBuildingId)) * this.detourFactor;
	}

	/**
	 * @return riding time between two buildings plus the stop overhead at the second;
	 * zero within one building
	 */
	public Duration travel(long fromBuildingId, long toBuildingId) {
		if (fromBuildingId == toBuildingId) {
			return Duration.ZERO;
		}
		return Duration.ofMillis(Math.round(metres(fromBuildingId, toBuildingId) / this.metresPerSecond * 1000))
			.plus(this.stopOverhead);
	}

	public Duration service(StopKind kind) {
		return (kind == StopKind.PICKUP) ? this.pickupService : this.dropoffService;
	}

	/**
	 * Times a rider's route: from the rider's position now, each stop in order, waiting
	 * at a stall for food that is not ready yet.
	 */
	public List<TimedStop> schedule(RiderRoute route, Instant now) {
		return schedule(route.positionBuildingId(), now, route.stops(), route.tasksById());
	}

	/**
	 * Times a sequence of stops from a building at a time.
	 * @param tasks every task the stops name, by order id
	 */
	public List<TimedStop> schedule(long fromBuildingId, Instant start, List<PlannedStop> stops,
			Map<Long, DispatchTask> tasks) {
		List<TimedStop> timed = new ArrayList<>(stops.size());
		Instant clock = start;
		long position = fromBuildingId;
		for (PlannedStop stop : stops) {
			DispatchTask task = tasks.get(stop.orderId());
			if (task == null) {
				throw new IllegalArgumentException("No task for the stop of order " + stop.orderId());
			}
			long building = (stop.kind() == StopKind.PICKUP) ? task.pickupBuildingId() : task.dropoffBuildingId();
			Instant arrival = clock.plus(travel(position, building));
			Instant serviceStart = (stop.kind() == StopKind.PICKUP) ? task.pickableAt(arrival) : arrival;
			clock = serviceStart.plus(service(stop.kind()));
			timed.add(new TimedStop(stop.orderId(), stop.kind(), building, arrival, serviceStart, clock));
			position = building;
		}
		return timed;
	}

	private Point point(long buildingId) {
		Point point = this.buildings.get(buildingId);
		if (point == null) {
			throw new IllegalArgumentException("Unknown building " + buildingId);
		}
		return point;
	}

	/**
	 * A building's place on the campus plan, in metres from the plan's origin.
	 */
	public record Point(double x, double y) {

		public double distanceTo(Point other) {
			return Math.hypot(this.x - other.x, this.y - other.y);
		}

	}

	/**
	 * A stop with its times.
	 *
	 * @param arrival when the rider gets to the building
	 * @param serviceStart when the rider starts serving it (later than arrival at a stall
	 * whose food is not ready)
	 * @param departure when the rider is done there
	 */
	public record TimedStop(long orderId, StopKind kind, long buildingId, Instant arrival, Instant serviceStart,
			Instant departure) {
	}

}
