package org.lunchrush.routing;

import org.lunchrush.routing.search.PdptwSearch;

/**
 * Plans routes for a {@link RoutingProblem} within a time limit. Objective, in order:
 * serve every request, use as few vehicles as possible, then drive as little as possible.
 * The returned routes always respect time windows, capacity and pickup-before-delivery; a
 * request that fits no route is returned in {@link RoutingSolution#unassigned()}.
 */
public final class RoutingSolver {

	public RoutingSolution solve(RoutingProblem problem, SolverSettings settings) {
		return PdptwSearch.solve(problem, settings);
	}

}
