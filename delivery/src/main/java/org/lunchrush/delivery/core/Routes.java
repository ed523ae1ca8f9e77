package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.lunchrush.delivery.DeliveryProperties;

import org.springframework.stereotype.Component;

/**
 * A rider's route as ordered stops with arrival times: from the rider's position, the
 * stops in the order dispatch placed them, waiting at a stall for food not ready yet; a
 * task already in the bag only has its hand-over left.
 */
@Component
class Routes {

	private final CampusDistances distances;

	private final DeliveryProperties properties;

	Routes(CampusDistances distances, DeliveryProperties properties) {
		this.distances = distances;
		this.properties = properties;
	}

	List<RouteStop> stops(Rider rider, List<Task> route, Instant now) {
		List<Placed> sequence = new ArrayList<>();
		for (Task task : route) {
			if (task.status() == TaskStatus.ASSIGNED) {
				sequence.add(new Placed(position(task.pickupPosition()), task, RouteStop.Kind.PICKUP));
			}
			sequence.add(new Placed(position(task.dropoffPosition()), task, RouteStop.Kind.DROPOFF));
		}
		// Stops not placed yet (a task just taken) come last, pickups before hand-overs.
		sequence.sort(Comparator.comparingInt(Placed::position)
			.thenComparing(Placed::kind)
			.thenComparingLong((placed) -> placed.task().orderId()));
		List<RouteStop> stops = new ArrayList<>();
		Instant clock = now;
		long position = rider.positionBuildingId();
		for (Placed placed : sequence) {
			Task task = placed.task();
			long building = (placed.kind() == RouteStop.Kind.PICKUP) ? task.pickupBuildingId()
					: task.dropoffBuildingId();
			clock = clock.plus(this.distances.travel(position, building));
			stops.add(new RouteStop(task.orderId(), placed.kind(), building, clock));
			if (placed.kind() == RouteStop.Kind.PICKUP) {
				if (!task.ready() && task.expectedReadyAt().isAfter(clock)) {
					clock = task.expectedReadyAt();
				}
				clock = clock.plus(this.properties.pickupService());
			}
			else {
				clock = clock.plus(this.properties.dropoffService());
			}
			position = building;
		}
		return stops;
	}

	private static int position(Integer position) {
		return (position != null) ? position : Integer.MAX_VALUE;
	}

	private record Placed(int position, Task task, RouteStop.Kind kind) {
	}

}
