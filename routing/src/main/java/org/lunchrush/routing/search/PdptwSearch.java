package org.lunchrush.routing.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.lunchrush.routing.InitialRoute;
import org.lunchrush.routing.Request;
import org.lunchrush.routing.Route;
import org.lunchrush.routing.RouteStop;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.RoutingSolution;
import org.lunchrush.routing.SolverSettings;
import org.lunchrush.routing.StopKind;

/**
 * The solver's phases. A first plan comes from the warm start, if any, and regret
 * insertion. When the objective minimises vehicles, then, for part of the time, the
 * search tries to do with one vehicle fewer: it empties the smallest tour into the bank
 * and runs the large neighbourhood search with one tour less until the bank is empty
 * again, and repeats. The rest of the time (all of it otherwise) lowers the cost of the
 * plan with the fewest vehicles found.
 */
public final class PdptwSearch {

	/** Share of the time limit given to taking vehicles away. */
	private static final double VEHICLE_PHASE = 0.6;

	/**
	 * Share of the time limit one attempt at dropping a vehicle may take: an attempt that
	 * fails (often the last one, below the fewest vehicles possible) leaves the rest of
	 * the vehicle phase to shortening.
	 */
	private static final double ATTEMPT = 0.25;

	private PdptwSearch() {
	}

	public static RoutingSolution solve(RoutingProblem problem, SolverSettings settings, List<InitialRoute> warmStart) {
		if (problem.requests().isEmpty()) {
			return new RoutingSolution(List.of(), List.of());
		}
		long began = System.nanoTime();
		long limit = settings.timeLimit().toNanos();
		long deadline = began + limit;
		Instance in = new Instance(problem);
		SplittableRandom random = new SplittableRandom(settings.seed());
		Alns alns = new Alns(in, random, settings.idleIterationLimit());
		Plan best = WarmStart.build(in, warmStart);
		alns.repair(best, in.vehicles);
		double temperature = 0.02 * Math.max(best.cost(), in.maxDistance) / Math.log(2);

		if (!problem.objective().minimiseVehicles()) {
			Plan found = alns.run(best, in.vehicles, deadline, temperature, false);
			return toSolution(in, found);
		}
		if (best.unassignedCount() == 0) {
			long vehicleDeadline = began + (long) (VEHICLE_PHASE * limit);
			while (System.nanoTime() < vehicleDeadline && best.routeCount() > 1) {
				Plan attempt = best.copy();
				int smallest = smallestTour(attempt, random);
				if (smallest < 0) {
					break;
				}
				attempt.dropTour(smallest);
				int target = attempt.routeCount();
				alns.repair(attempt, target);
				long attemptDeadline = Math.min(vehicleDeadline, System.nanoTime() + (long) (ATTEMPT * limit));
				Plan found = alns.run(attempt, target, attemptDeadline, temperature, true);
				if (found.unassignedCount() > 0) {
					break;
				}
				best = found;
			}
		}
		else {
			best = alns.run(best, in.vehicles, deadline, temperature, true);
		}
		Plan shortened = alns.run(best, best.unassignedCount() == 0 ? best.routeCount() : in.vehicles, deadline,
				temperature, false);
		if (alns.cost(shortened) < alns.cost(best)) {
			best = shortened;
		}
		return toSolution(in, best);
	}

	/**
	 * The tour with the fewest stops, ties broken at random, among the tours whose
	 * vehicle has no pinned requests (those cannot go to another vehicle); -1 when there
	 * is none.
	 */
	private static int smallestTour(Plan plan, SplittableRandom random) {
		int chosen = -1;
		int ties = 0;
		for (int t = 0; t < plan.tours.size(); t++) {
			Tour tour = plan.tours.get(t);
			if (plan.in.hasPinned[tour.vehicle]) {
				continue;
			}
			if (chosen < 0) {
				// compared with itself below, which draws once as ties always have
				chosen = t;
			}
			int size = tour.size;
			int chosenSize = plan.tours.get(chosen).size;
			if (size < chosenSize) {
				chosen = t;
				ties = 1;
			}
			else if (size == chosenSize && random.nextInt(++ties) == 0) {
				chosen = t;
			}
		}
		return chosen;
	}

	private static RoutingSolution toSolution(Instance in, Plan plan) {
		List<Request> requests = in.problem.requests();
		List<Route> routes = new ArrayList<>();
		for (Tour tour : plan.tours) {
			List<RouteStop> stops = new ArrayList<>();
			for (int pos = 1; pos <= tour.size; pos++) {
				int node = tour.nodes[pos - 1];
				int prevLoc = tour.loc(pos - 1);
				double prevService = (pos == 1) ? 0 : in.service[tour.nodes[pos - 2]];
				double arrival = tour.start[pos - 1] + prevService + in.time[prevLoc][in.location[node]];
				stops
					.add(new RouteStop(requests.get(node >> 1), ((node & 1) == 0) ? StopKind.PICKUP : StopKind.DELIVERY,
							arrival, tour.start[pos], tour.loadAfter[pos]));
			}
			int last = tour.size + 1;
			double lastService = (tour.size == 0) ? 0 : in.service[tour.nodes[tour.size - 1]];
			double endArrival = tour.start[last - 1] + lastService + in.time[tour.loc(last - 1)][tour.loc(last)];
			routes.add(new Route(in.problem.vehicles().get(tour.vehicle), stops, tour.distance, endArrival));
		}
		List<Request> unassigned = new ArrayList<>();
		for (int r : plan.unassigned()) {
			unassigned.add(requests.get(r));
		}
		return new RoutingSolution(routes, unassigned);
	}

}
