package org.lunchrush.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-verifies a solution against its problem from the problem's data alone, replaying
 * each route from the vehicle's departure: every request served exactly once (or reported
 * unassigned), pickup before delivery on the same route, a pinned request only on its
 * vehicle, capacity never exceeded, every service start inside its window, every vehicle
 * back (or, with an open end, done with its last stop) before its shift ends, used at
 * most once, and the distances and times the solution states agree with the replay. It
 * also totals the lateness and completion time it replays, so the cost can be checked
 * too. It shares no code with the solver, so a bug in the solver's bookkeeping cannot
 * hide here.
 */
public final class FeasibilityChecker {

	private static final double TOLERANCE = 1e-6;

	/**
	 * @param problem the problem that was solved
	 * @param solution the solution to check
	 * @param allowUnassigned whether requests listed as unassigned are acceptable; when
	 * false every request must be on a route
	 * @return the violations found, empty when the solution is feasible
	 */
	public Report check(RoutingProblem problem, RoutingSolution solution, boolean allowUnassigned) {
		List<String> violations = new ArrayList<>();
		TravelMatrix m = problem.matrix();
		Map<Integer, Request> byId = new HashMap<>();
		for (Request request : problem.requests()) {
			byId.put(request.id(), request);
		}
		Map<Integer, Integer> pickups = new HashMap<>();
		Map<Integer, Integer> deliveries = new HashMap<>();
		Map<Integer, Integer> vehiclesUsed = new HashMap<>();
		double total = 0;
		double lateness = 0;
		double completion = 0;
		for (int index = 0; index < solution.routes().size(); index++) {
			Route route = solution.routes().get(index);
			String name = "route " + (index + 1);
			Vehicle vehicle = route.vehicle();
			if (!problem.vehicles().contains(vehicle)) {
				violations.add(name + ": vehicle " + vehicle.id() + " is not in the fleet");
				continue;
			}
			if (vehiclesUsed.merge(vehicle.id(), 1, Integer::sum) > 1) {
				violations.add(name + ": vehicle " + vehicle.id() + " drives more than one route");
			}
			Map<Integer, Boolean> onBoard = new HashMap<>();
			int place = vehicle.startLocation();
			double clock = vehicle.earliest();
			double leave = clock;
			int load = 0;
			double distance = 0;
			for (RouteStop stop : route.stops()) {
				Request request = byId.get(stop.request().id());
				if (request == null || !request.equals(stop.request())) {
					violations.add(name + ": request " + stop.request().id() + " is not in the problem");
					continue;
				}
				boolean pickup = stop.kind() == StopKind.PICKUP;
				if (pickup && request.pinned() && request.vehicle() != vehicle.id()) {
					violations.add(name + ": request " + request.id() + " is pinned to vehicle " + request.vehicle()
							+ " but served by vehicle " + vehicle.id());
				}
				Visit visit = pickup ? request.pickup() : request.delivery();
				distance += m.distance(place, visit.location());
				double arrival = leave + m.travelTime(place, visit.location());
				double begin = Math.max(arrival, visit.earliest());
				if (begin > visit.latest() + TOLERANCE) {
					violations.add(String.format("%s: %s of request %d starts at %.4f, after its window closes at %.4f",
							name, stop.kind(), request.id(), begin, visit.latest()));
				}
				if (Math.abs(begin - stop.serviceStart()) > TOLERANCE
						|| Math.abs(arrival - stop.arrival()) > TOLERANCE) {
					violations.add(String.format("%s: %s of request %d is stated at %.4f but replays at %.4f", name,
							stop.kind(), request.id(), stop.serviceStart(), begin));
				}
				lateness += request.demand() * Math.max(0, begin - visit.due());
				if (pickup) {
					pickups.merge(request.id(), 1, Integer::sum);
					onBoard.put(request.id(), true);
					load += request.demand();
				}
				else {
					completion += request.demand() * (begin - vehicle.earliest());
					deliveries.merge(request.id(), 1, Integer::sum);
					if (onBoard.remove(request.id()) == null) {
						violations.add(name + ": request " + request.id()
								+ " is delivered without being picked up earlier on this route");
					}
					load -= request.demand();
				}
				if (load > vehicle.capacity()) {
					violations.add(name + ": load " + load + " exceeds capacity " + vehicle.capacity()
							+ " after request " + request.id());
				}
				if (load != stop.loadAfter()) {
					violations.add(name + ": load after request " + request.id() + " is stated " + stop.loadAfter()
							+ " but replays " + load);
				}
				place = visit.location();
				clock = begin;
				leave = clock + visit.serviceTime();
			}
			for (Integer id : onBoard.keySet()) {
				violations.add(name + ": request " + id + " is picked up but never delivered on this route");
			}
			double end = leave;
			if (!vehicle.openEnd()) {
				distance += m.distance(place, vehicle.endLocation());
				end += m.travelTime(place, vehicle.endLocation());
			}
			if (end > vehicle.latest() + TOLERANCE) {
				violations.add(String.format("%s: %s at %.4f, after the shift ends at %.4f", name,
						vehicle.openEnd() ? "leaves its last stop" : "returns", end, vehicle.latest()));
			}
			if (Math.abs(distance - route.distance()) > TOLERANCE * Math.max(1, distance)) {
				violations
					.add(String.format("%s: distance stated %.4f, replayed %.4f", name, route.distance(), distance));
			}
			total += distance;
		}
		Map<Integer, Integer> unassigned = new HashMap<>();
		for (Request request : solution.unassigned()) {
			unassigned.merge(request.id(), 1, Integer::sum);
		}
		for (Request request : problem.requests()) {
			int id = request.id();
			int p = pickups.getOrDefault(id, 0);
			int d = deliveries.getOrDefault(id, 0);
			int u = unassigned.getOrDefault(id, 0);
			if (p == 1 && d == 1 && u == 0) {
				continue;
			}
			if (p == 0 && d == 0 && u == 1) {
				if (!allowUnassigned) {
					violations.add("request " + id + " is not served");
				}
				continue;
			}
			violations.add("request " + id + " is picked up " + p + " times, delivered " + d + " times, listed " + u
					+ " times as unassigned");
		}
		return new Report(violations, total, lateness, completion);
	}

	/**
	 * The checker's verdict.
	 *
	 * @param violations what is wrong, in words; empty when feasible
	 * @param distance total distance replayed from the problem's matrix
	 * @param lateness total time visits start after their due times, each counted by its
	 * request's demand, replayed
	 * @param completion sum over deliveries of the time from the vehicle's start to the
	 * service start, each counted by its request's demand, replayed
	 */
	public record Report(List<String> violations, double distance, double lateness, double completion) {

		public Report {
			violations = List.copyOf(violations);
		}

		public boolean feasible() {
			return this.violations.isEmpty();
		}

		/**
		 * The replayed cost under an objective.
		 * @param objective the problem's objective
		 * @return distance plus weighted lateness and completion
		 */
		public double cost(Objective objective) {
			return this.distance + objective.latenessWeight() * this.lateness
					+ objective.completionWeight() * this.completion;
		}

	}

}
