package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lunchrush.delivery.DeliveryProperties;

import org.springframework.stereotype.Component;

/**
 * A rider's route as ordered stops with arrival times: from the rider's position, each
 * task in route order is picked up (waiting at the stall if the food is not ready yet)
 * and handed over; a task already in the bag only needs handing over.
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
		List<RouteStop> stops = new ArrayList<>();
		Instant clock = now;
		long position = rider.positionBuildingId();
		for (Task task : route) {
			if (task.status() == TaskStatus.ASSIGNED) {
				clock = clock.plus(this.distances.travel(position, task.pickupBuildingId()));
				stops.add(new RouteStop(task.orderId(), RouteStop.Kind.PICKUP, task.pickupBuildingId(), clock));
				if (!task.ready() && task.expectedReadyAt().isAfter(clock)) {
					clock = task.expectedReadyAt();
				}
				clock = clock.plus(this.properties.pickupService());
				position = task.pickupBuildingId();
			}
		}
		for (Task task : route) {
			clock = clock.plus(this.distances.travel(position, task.dropoffBuildingId()));
			stops.add(new RouteStop(task.orderId(), RouteStop.Kind.DROPOFF, task.dropoffBuildingId(), clock));
			clock = clock.plus(this.properties.dropoffService());
			position = task.dropoffBuildingId();
		}
		return stops;
	}

}
