package org.lunchrush.routing;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.routing.LineProblems.at;
import static org.lunchrush.routing.LineProblems.line;

class FeasibilityCheckerTest {

	// depot 0 at x=0; request 1 from x=10 (30 to load) to x=20; request 2 from x=30 to
	// x=40 by 60
	private final RoutingProblem problem = line(0, 10, 20, 30, 40).request(1, at(1, 0, 1000, 30), at(2, 0, 1000, 0), 2)
		.request(2, at(3, 0, 1000, 0), at(4, 0, 60, 0), 2)
		.vehicles(2, 3)
		.build();

	private final Request one = this.problem.requests().get(0);

	private final Request two = this.problem.requests().get(1);

	private final Vehicle first = this.problem.vehicles().get(0);

	private final Vehicle second = this.problem.vehicles().get(1);

	private final FeasibilityChecker checker = new FeasibilityChecker();

	@Test
	void acceptsAFeasibleSolution() {
		RoutingSolution solution = solution(route(this.first, pick(this.one), drop(this.one)),
				route(this.second, pick(this.two), drop(this.two)));

		FeasibilityChecker.Report report = this.checker.check(this.problem, solution, false);

		assertThat(report.violations()).isEmpty();
		assertThat(report.distance()).isEqualTo(40.0 + 80.0);
	}

	@Test
	void rejectsADeliveryBeforeItsPickup() {
		RoutingSolution solution = solution(route(this.first, drop(this.one), pick(this.one)),
				route(this.second, pick(this.two), drop(this.two)));

		assertThat(this.checker.check(this.problem, solution, false).violations())
			.anyMatch(v -> v.contains("delivered without being picked up"));
	}

	@Test
	void rejectsAPickupAndDeliveryOnDifferentRoutes() {
		RoutingSolution solution = solution(route(this.first, pick(this.one), pick(this.two), drop(this.two)),
				route(this.second, drop(this.one)));

		assertThat(this.checker.check(this.problem, solution, false).violations())
			.anyMatch(v -> v.contains("never delivered"))
			.anyMatch(v -> v.contains("delivered without being picked up"));
	}

	@Test
	void rejectsALoadAboveCapacity() {
		// both loads of 2 on board at once in a bag of 3
		RoutingSolution solution = solution(
				route(this.first, pick(this.one), pick(this.two), drop(this.two), drop(this.one)));

		assertThat(this.checker.check(this.problem, solution, false).violations())
			.anyMatch(v -> v.contains("exceeds capacity 3"));
	}

	@Test
	void rejectsAServiceAfterItsWindowCloses() {
		// request 2's delivery window closes at 60; after serving request 1 first it is
		// reached at 80
		RoutingSolution solution = solution(
				route(this.first, pick(this.one), drop(this.one), pick(this.two), drop(this.two)));

		assertThat(this.checker.check(this.problem, solution, false).violations())
			.anyMatch(v -> v.contains("after its window closes at 60"));
	}

	@Test
	void rejectsARequestServedTwice() {
		RoutingSolution solution = solution(route(this.first, pick(this.one), drop(this.one)),
				route(this.second, pick(this.one), drop(this.one), pick(this.two), drop(this.two)));

		assertThat(this.checker.check(this.problem, solution, false).violations())
			.anyMatch(v -> v.contains("request 1 is picked up 2 times"));
	}

	@Test
	void rejectsAMissingRequestUnlessUnassignedIsAllowed() {
		RoutingSolution dropped = solution(route(this.first, pick(this.one), drop(this.one)));
		RoutingSolution declared = new RoutingSolution(dropped.routes(), List.of(this.two));

		assertThat(this.checker.check(this.problem, dropped, true).violations())
			.anyMatch(v -> v.contains("request 2 is picked up 0 times"));
		assertThat(this.checker.check(this.problem, declared, false).violations())
			.containsExactly("request 2 is not served");
		assertThat(this.checker.check(this.problem, declared, true).violations()).isEmpty();
	}

	@Test
	void rejectsOneVehicleDrivingTwoRoutes() {
		RoutingSolution solution = solution(route(this.first, pick(this.one), drop(this.one)),
				route(this.first, pick(this.two), drop(this.two)));

		assertThat(this.checker.check(this.problem, solution, false).violations())
			.anyMatch(v -> v.contains("drives more than one route"));
	}

	@Test
	void rejectsStatedTimesOrDistancesThatDoNotReplay() {
		Route honest = route(this.first, pick(this.one), drop(this.one));
		RouteStop early = honest.stops().get(1);
		Route lying = new Route(
				this.first, List.of(honest.stops().get(0), new RouteStop(early.request(), early.kind(),
						early.arrival() - 5, early.serviceStart() - 5, early.loadAfter())),
				honest.distance() - 1, honest.endArrival());

		assertThat(this.checker
			.check(this.problem, solution(lying, route(this.second, pick(this.two), drop(this.two))), false)
			.violations()).anyMatch(v -> v.contains("replays at")).anyMatch(v -> v.contains("distance stated"));
	}

	@Test
	void rejectsAPinnedRequestOnAnotherVehicle() {
		RoutingProblem pinned = line(0, 10, 20).vehicles(2, 3).pinned(1, 1, 2, 2).build();
		Request order = pinned.requests().get(0);

		RoutingSolution onFirst = solution(route(pinned, pinned.vehicles().get(0), pick(order), drop(order)));
		RoutingSolution onSecond = solution(route(pinned, pinned.vehicles().get(1), pick(order), drop(order)));

		assertThat(this.checker.check(pinned, onFirst, false).violations())
			.containsExactly("route 1: request 1 is pinned to vehicle 2 but served by vehicle 1");
		assertThat(this.checker.check(pinned, onSecond, false).violations()).isEmpty();
	}

	@Test
	void countsNoWayBackForAnOpenEnd() {
		RoutingProblem open = line(0, 10, 20).rider(1, 0, 3).request(1, 1, 2, 1).build();
		Request order = open.requests().get(0);
		Route route = route(open, open.vehicles().get(0), pick(order), drop(order));

		FeasibilityChecker.Report report = this.checker.check(open, solution(route), false);

		assertThat(report.violations()).isEmpty();
		assertThat(report.distance()).isEqualTo(20.0);
	}

	@Test
	void rejectsAnOpenEndedRouteThatOutlastsTheShift() {
		// the rider's shift ends at 15, the hand-over at x=20 starts at 20
		Vehicle rider = Vehicle.openEnded(1, 3, 0, 0, 15);
		RoutingProblem open = new RoutingProblem(this.problem.matrix(),
				List.of(new Request(1, at(1, 0, 1000, 0), at(2, 0, 1000, 0), 1)), List.of(rider));
		Request order = open.requests().get(0);

		assertThat(this.checker.check(open, solution(route(open, rider, pick(order), drop(order))), false).violations())
			.containsExactly("route 1: leaves its last stop at 20.0000, after the shift ends at 15.0000");
	}

	@ParameterizedTest(name = "a request of {0}")
	@ValueSource(ints = { 1, 3 })
	void replaysLatenessAndCompletionOncePerUnitOfDemand(int demand) {
		// picked up at 10 (due 5), handed over at 20 (due 12)
		RoutingProblem late = line(0, 10, 20).rider(1, 0, 3)
			.request(1, new Visit(1, 0, 1000, 0, 5), new Visit(2, 0, 1000, 0, 12), demand)
			.build();
		Request order = late.requests().get(0);
		Route route = route(late, late.vehicles().get(0), pick(order), drop(order));

		FeasibilityChecker.Report report = this.checker.check(late, solution(route), false);

		assertThat(report.lateness()).isEqualTo(demand * (5.0 + 8.0));
		assertThat(report.completion()).isEqualTo(demand * 20.0);
		assertThat(report.cost(Objective.dispatch(2, 0.5))).isEqualTo(20.0 + demand * (2 * 13.0 + 0.5 * 20.0));
		assertThat(route.lateness()).isEqualTo(report.lateness());
		assertThat(route.completion()).isEqualTo(report.completion());
	}

	private static RoutingSolution solution(Route... routes) {
		return new RoutingSolution(List.of(routes), List.of());
	}

	private record Step(Request request, StopKind kind) {
	}

	private static Step pick(Request request) {
		return new Step(request, StopKind.PICKUP);
	}

	private static Step drop(Request request) {
		return new Step(request, StopKind.DELIVERY);
	}

	/** A route with times and loads stated as driving it on the line would give them. */
	private Route route(Vehicle vehicle, Step... steps) {
		return route(this.problem, vehicle, steps);
	}

	private static Route route(RoutingProblem problem, Vehicle vehicle, Step... steps) {
		List<RouteStop> stops = new ArrayList<>();
		TravelMatrix m = problem.matrix();
		int place = vehicle.startLocation();
		double leave = vehicle.earliest();
		double distance = 0;
		int load = 0;
		for (Step step : steps) {
			Visit visit = (step.kind() == StopKind.PICKUP) ? step.request().pickup() : step.request().delivery();
			double arrival = leave + m.travelTime(place, visit.location());
			double begin = Math.max(arrival, visit.earliest());
			load += (step.kind() == StopKind.PICKUP) ? step.request().demand() : -step.request().demand();
			stops.add(new RouteStop(step.request(), step.kind(), arrival, begin, load));
			distance += m.distance(place, visit.location());
			place = visit.location();
			leave = begin + visit.serviceTime();
		}
		if (vehicle.openEnd()) {
			return new Route(vehicle, stops, distance, leave);
		}
		distance += m.distance(place, vehicle.endLocation());
		return new Route(vehicle, stops, distance, leave + m.travelTime(place, vehicle.endLocation()));
	}

}
