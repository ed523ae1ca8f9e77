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
 */
public record RoutingProblem(TravelMatrix matrix, List<Request> requests, List<Vehicle> vehicles) {

	public RoutingProblem {
		requests = List.copyOf(requests);
		vehicles = List.copyOf(vehicles);
		Set<Integer> ids = new HashSet<>();
		for (Request request : requests) {
			if (!ids.add(request.id())) {
				throw new IllegalArgumentException("duplicate request id " + request.id());
			}
			checkLocation(matrix, request.pickup().location());
			checkLocation(matrix, request.delivery().location());
		}
		ids.clear();
		for (Vehicle vehicle : vehicles) {
			if (!ids.add(vehicle.id())) {
				throw new IllegalArgumentException("duplicate vehicle id " + vehicle.id());
			}
			checkLocation(matrix, vehicle.startLocation());
			checkLocation(matrix, vehicle.endLocation());
		}
	}

	private static void checkLocation(TravelMatrix matrix, int location) {
		if (location >= matrix.size()) {
			throw new IllegalArgumentException("location " + location + " is outside the matrix");
		}
	}

}
