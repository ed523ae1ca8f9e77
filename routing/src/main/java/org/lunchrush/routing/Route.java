package org.lunchrush.routing;

import java.util.List;

/**
 * One vehicle's route: its stops in visiting order, between its start and end.
 *
 * @param vehicle the vehicle driving it
 * @param stops stops in visiting order, depots left out
 * @param distance distance from start through every stop to the end
 * @param endArrival arrival time at the end location
 */
public record Route(Vehicle vehicle, List<RouteStop> stops, double distance, double endArrival) {

	public Route {
		stops = List.copyOf(stops);
	}

}
