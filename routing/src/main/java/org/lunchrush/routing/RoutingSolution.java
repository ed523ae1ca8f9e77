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

	public double totalLateness() {
		return this.routes.stream().mapToDouble(Route::lateness).sum();
	}

	public double totalCompletion() {
		return this.routes.stream().mapToDouble(Route::completion).sum();
	}

	/**
	 * The cost the solver minimised once every servable request is served, unassigned
	 * requests left out of it.
	 * @param objective the problem's objective
	 * @return distance plus weighted lateness and completion
	 */
	public double cost(Objective objective) {
		return totalDistance() + objective.latenessWeight() * totalLateness()
				+ objective.completionWeight() * totalCompletion();
	}

}
