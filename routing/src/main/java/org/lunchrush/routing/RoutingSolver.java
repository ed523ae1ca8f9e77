package org.lunchrush.routing;

import java.util.List;

import org.lunchrush.routing.search.PdptwSearch;

/**
 * Plans routes for a {@link RoutingProblem} within a time limit, for the problem's
 * {@link Objective}: serve every request it can, then (Li &amp; Lim) use as few vehicles
 * as possible, then minimise distance plus weighted lateness and completion time. The
 * returned routes always respect time windows, capacity, pickup-before-delivery and
 * pinned vehicles; a request that fits no route is returned in
 * {@link RoutingSolution#unassigned()}.
 */
public final class RoutingSolver {

	public RoutingSolution solve(RoutingProblem problem, SolverSettings settings) {
		return PdptwSearch.solve(problem, settings, List.of());
	}

	/**
	 * Solves starting from given routes, typically the previous round's plan. The answer
	 * is never worse than the warm start after repair (see {@link InitialRoute}) and the
	 * insertion of every request it left out: it serves at least as many requests and,
	 * for as many, costs no more (with vehicle minimisation: uses no more vehicles, and
	 * for as many no more distance).
	 * @param problem the problem
	 * @param settings time limit, seed and early stop
	 * @param warmStart routes to start from, at most one per vehicle; requests not
	 * mentioned start unassigned
	 * @return the solution
	 */
	public RoutingSolution solve(RoutingProblem problem, SolverSettings settings, List<InitialRoute> warmStart) {
		return PdptwSearch.solve(problem, settings, List.copyOf(warmStart));
	}

}
