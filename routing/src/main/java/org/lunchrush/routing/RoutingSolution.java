package org.lunchrush.routing;

import java.util.List;

/**
 * The solver's answer: non-empty routes, and the requests it could not place (empty when
 * every request is served).
 *
 * @param routes routes of the vehicles used
 * @param unassigned requests left out
 */
public record RoutingSolution(List<Route> routes, List<Request> unassigned) {

	public RoutingSolution {
		routes = List.copyOf(routes);
		unassigned = List.copyOf(unassigned);
	}

	public int vehicleCount() {
		return this.routes.size();
	}

	public double totalDistance() {
		return this.routes.stream().mapToDouble(Route::distance).sum();
	}

}
