package org.lunchrush.routing;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.routing.LineProblems.at;
import static org.lunchrush.routing.LineProblems.line;

class RoutingSolverTest {

	private static final SolverSettings QUICK = new SolverSettings(Duration.ofMillis(300), 7);

	private final RoutingSolver solver = new RoutingSolver();

	private final FeasibilityChecker checker = new FeasibilityChecker();

	private RoutingSolution solve(RoutingProblem problem) {
		RoutingSolution solution = this.solver.solve(problem, QUICK);
		assertThat(this.checker.check(problem, solution, true).violations()).isEmpty();
		return solution;
	}

	@Nested
	class Precedence {

		@Test
		void picksUpBeforeDeliveringEvenWhenTheDeliveryIsOnTheWay() {
			// the delivery (location 1) lies between the depot and the pickup (location
			// 2)
			RoutingProblem problem = line(0, 10, 20).request(1, 2, 1, 1).vehicles(1, 5).build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.routes()).singleElement()
				.satisfies(route -> assertThat(route.stops()).extracting(RouteStop::kind)
					.containsExactly(StopKind.PICKUP, StopKind.DELIVERY));
			assertThat(solution.totalDistance()).isEqualTo(40.0);
		}

		@Test
		void deliversOnTheRouteThatPickedUp() {
			RoutingProblem problem = line(0, 10, 20, -10, -20).request(1, 1, 2, 1)
				.request(2, 3, 4, 1)
				.vehicles(2, 5)
				.build();

			RoutingSolution solution = solve(problem);

			for (Route route : solution.routes()) {
				List<Integer> picked = route.stops()
					.stream()
					.filter(s -> s.kind() == StopKind.PICKUP)
					.map(s -> s.request().id())
					.toList();
				List<Integer> delivered = route.stops()
					.stream()
					.filter(s -> s.kind() == StopKind.DELIVERY)
					.map(s -> s.request().id())
					.toList();
				assertThat(delivered).containsExactlyInAnyOrderElementsOf(picked);
			}
			assertThat(solution.unassigned()).isEmpty();
		}

	}

	@Nested
	class Capacity {

		@Test
		void neverCarriesMoreThanTheVehicleHolds() {
			// two loads of 3 from the same place to the same place, bag of 4: one at a
			// time
			RoutingProblem problem = line(0, 10, 20).request(1, 1, 2, 3).request(2, 1, 2, 3).vehicles(1, 4).build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.unassigned()).isEmpty();
			assertThat(solution.routes()).singleElement()
				.satisfies(route -> assertThat(route.stops())
					.allSatisfy(s -> assertThat(s.loadAfter()).isLessThanOrEqualTo(4))
					.extracting(RouteStop::kind)
					.containsExactly(StopKind.PICKUP, StopKind.DELIVERY, StopKind.PICKUP, StopKind.DELIVERY));
		}

		@Test
		void carriesBothLoadsAtOnceWhenTheyFit() {
			RoutingProblem problem = line(0, 10, 20).request(1, 1, 2, 2).request(2, 1, 2, 2).vehicles(1, 4).build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.totalDistance()).isEqualTo(40.0);
			assertThat(solution.routes().get(0).stops()).extracting(RouteStop::loadAfter).contains(4);
		}

	}

	@Nested
	class TimeWindows {

		@Test
		void waitsForAWindowToOpen() {
			RoutingProblem problem = line(0, 10, 20).request(1, at(1, 50, 60, 5), at(2, 0, 100, 0), 1)
				.vehicles(1, 5)
				.build();

			RoutingSolution solution = solve(problem);

			RouteStop pickup = solution.routes().get(0).stops().get(0);
			assertThat(pickup.arrival()).isEqualTo(10.0);
			assertThat(pickup.serviceStart()).isEqualTo(50.0);
			assertThat(solution.routes().get(0).stops().get(1).serviceStart()).isEqualTo(65.0);
		}

		@Test
		void ordersStopsByTheirWindowsRatherThanByDistance() {
			// request 2 is nearer but its windows open late: request 1 must go first
			RoutingProblem problem = line(0, 10, 20, 30, 40).request(1, at(3, 0, 40, 0), at(4, 0, 50, 0), 1)
				.request(2, at(1, 60, 80, 0), at(2, 70, 100, 0), 1)
				.vehicles(1, 5)
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.routes()).singleElement()
				.satisfies(route -> assertThat(route.stops()).extracting(s -> s.request().id())
					.containsExactly(1, 1, 2, 2));
		}

		@Test
		void usesASecondVehicleWhenOneCannotMakeBothWindows() {
			// both must be delivered by time 25 at opposite ends of the line
			RoutingProblem problem = line(0, 10, 20, -10, -20).request(1, at(1, 0, 100, 0), at(2, 0, 25, 0), 1)
				.request(2, at(3, 0, 100, 0), at(4, 0, 25, 0), 1)
				.vehicles(3, 5)
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.unassigned()).isEmpty();
			assertThat(solution.vehicleCount()).isEqualTo(2);
		}

	}

	@Nested
	class Infeasible {

		@Test
		void leavesOutAnOrderThatNoVehicleCanDeliverInTime() {
			// the delivery's window closes before anyone can get there from the pickup
			RoutingProblem problem = line(0, 10, 100, 20).request(1, 1, 3, 1)
				.request(2, at(1, 0, 100, 0), at(2, 0, 50, 0), 1)
				.vehicles(2, 5)
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.unassigned()).extracting(Request::id).containsExactly(2);
			assertThat(solution.routes()).flatExtracting(Route::stops)
				.extracting(s -> s.request().id())
				.containsOnly(1);
		}

		@Test
		void leavesOutAnOrderLargerThanAnyBag() {
			RoutingProblem problem = line(0, 10, 20).request(1, 1, 2, 9).request(2, 1, 2, 1).vehicles(2, 8).build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.unassigned()).extracting(Request::id).containsExactly(1);
		}

	}

	@Test
	void usesFewerVehiclesWhenOneCanServeEverything() {
		LineProblems builder = line(0, 1, 2, 3, 4, 5, 6, 7, 8);
		for (int k = 1; k <= 4; k++) {
			builder.request(k, 2 * k - 1, 2 * k, 1);
		}
		RoutingProblem problem = builder.vehicles(4, 8).build();

		RoutingSolution solution = solve(problem);

		assertThat(solution.vehicleCount()).isEqualTo(1);
		assertThat(solution.totalDistance()).isEqualTo(16.0);
	}

}
