package org.lunchrush.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pickup-and-delivery problem with time windows and capacity.
 *
 * @param matrix distances and travel times between locations
 * @param requests loads to carry
 * @param vehicles the fleet; each vehicle gets at most one route
 * @param objective what the solver minimises
 */
public record RoutingProblem(TravelMatrix matrix, List<Request> requests, List<Vehicle> vehicles, Objective objective) {

	public RoutingProblem {
		requests = List.copyOf(requests);
		vehicles = List.copyOf(vehicles);
		if (objective == null) {
			throw new IllegalArgumentException("objective must be given");
		}
		Set<Integer> vehicleIds = new HashSet<>();
		for (Vehicle vehicle : vehicles) {
			if (!vehicleIds.add(vehicle.id())) {
				throw new IllegalArgumentException("duplicate vehicle id " + vehicle.id());
			}
			checkLocation(matrix, vehicle.startLocation());
			checkLocation(matrix, vehicle.endLocation());
			// on-board requests are picked up at the start at the moment of leaving; a
			// positive time from a place to itself would make them impossible
			int start = vehicle.startLocation();
			if (matrix.travelTime(start, start) != 0 || matrix.distance(start, start) != 0) {
				throw new IllegalArgumentException("travel time and distance from vehicle " + vehicle.id()
						+ "'s start location " + start + " to itself must be 0");
			}
		}
		Set<Integer> ids = new HashSet<>();
		for (Request request : requests) {
			if (!ids.add(request.id())) {
				throw new IllegalArgumentException("duplicate request id " + request.id());
			}
			checkLocation(matrix, request.pickup().location());
			checkLocation(matrix, request.delivery().location());
			if (request.pinned() && !vehicleIds.contains(request.vehicle())) {
				throw new IllegalArgumentException("request " + request.id() + " is pinned to vehicle "
						+ request.vehicle() + ", which is not in the fleet");
			}
		}
	}

	/** A problem with the Li &amp; Lim objective: fewest vehicles, then distance. */
	public RoutingProblem(TravelMatrix matrix, List<Request> requests, List<Vehicle> vehicles) {
		this(matrix, requests, vehicles, Objective.FEWEST_VEHICLES_THEN_DISTANCE);
	}

	private static void checkLocation(TravelMatrix matrix, int location) {
		if (location >= matrix.size()) {
			throw new IllegalArgumentException("location " + location + " is outside the matrix");
		}
	}

}
