package org.lunchrush.routing;

import java.util.List;

/**
 * One vehicle's route: its stops in visiting order, between its start and end.
 *
 * @param vehicle the vehicle driving it
 * @param stops stops in visiting order, depots left out
 * @param distance distance from start through every stop to the end (to the last stop for
 * a vehicle with an {@linkplain Vehicle#openEnd() open end})
 * @param endArrival arrival time at the end location (for an open end, the departure from
 * the last stop)
 */
public record Route(Vehicle vehicle, List<RouteStop> stops, double distance, double endArrival) {

	public Route {
		stops = List.copyOf(stops);
	}

	/**
	 * Total time the route's visits start after their due times, each counted once per
	 * unit of its request's demand (as the {@link Objective} counts it).
	 */
	public double lateness() {
		return this.stops.stream().mapToDouble((s) -> s.request().demand() * s.lateness()).sum();
	}

	/**
	 * Sum over the deliveries of the time from the vehicle's start to the hand-over's
	 * service start, each counted once per unit of its request's demand.
	 */
	public double completion() {
		return this.stops.stream()
			.filter((s) -> s.kind() == StopKind.DELIVERY)
			.mapToDouble((s) -> s.request().demand() * (s.serviceStart() - this.vehicle.earliest()))
			.sum();
	}

}
