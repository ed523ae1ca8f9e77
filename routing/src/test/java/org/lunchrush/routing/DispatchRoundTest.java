package org.lunchrush.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.lunchrush.routing.LineProblems.CLOSE;
import static org.lunchrush.routing.LineProblems.OPEN;
import static org.lunchrush.routing.LineProblems.at;
import static org.lunchrush.routing.LineProblems.due;
import static org.lunchrush.routing.LineProblems.line;

/**
 * What the dispatcher's rounds need beyond Li &amp; Lim: riders already out with open
 * ends, orders pinned to a rider or already in a bag, soft due times, completion time, a
 * fleet that is not minimised, and an early stop.
 */
class DispatchRoundTest {

	private static final SolverSettings QUICK = new SolverSettings(Duration.ofMillis(300), 7);

	private static final Objective DISTANCE_ONLY = Objective.dispatch(0, 0);

	private final RoutingSolver solver = new RoutingSolver();

	private final FeasibilityChecker checker = new FeasibilityChecker();

	private RoutingSolution solve(RoutingProblem problem) {
		RoutingSolution solution = this.solver.solve(problem, QUICK);
		assertThat(this.checker.check(problem, solution, true).violations()).isEmpty();
		return solution;
	}

	private static Optional<Route> routeOf(RoutingSolution solution, int vehicleId) {
		return solution.routes().stream().filter(r -> r.vehicle().id() == vehicleId).findFirst();
	}

	private static List<Integer> deliveryOrder(Route route) {
		return route.stops().stream().filter(s -> s.kind() == StopKind.DELIVERY).map(s -> s.request().id()).toList();
	}

	@Nested
	class Pinning {

		// rider 1 at x=0, rider 2 at x=100, the order from x=95 to x=90: rider 2 is
		// next to it
		private final LineProblems round = line(0, 100, 95, 90).rider(1, 0, 4).rider(2, 1, 4).objective(DISTANCE_ONLY);

		@Test
		void anUnpinnedOrderGoesToTheNearerRider() {
			RoutingSolution solution = solve(this.round.request(7, 2, 3, 1).build());

			assertThat(routeOf(solution, 2)).hasValueSatisfying(
					route -> assertThat(route.stops()).extracting(s -> s.request().id()).containsOnly(7));
			assertThat(routeOf(solution, 1)).isEmpty();
		}

		@Test
		void keepsAPinnedOrderWithItsRiderEvenWhenAnotherIsNearer() {
			RoutingSolution solution = solve(this.round.pinned(7, 2, 3, 1).build());

			assertThat(solution.unassigned()).isEmpty();
			assertThat(routeOf(solution, 1)).hasValueSatisfying(
					route -> assertThat(route.stops()).extracting(s -> s.request().id()).containsExactly(7, 7));
			assertThat(routeOf(solution, 2)).isEmpty();
		}

		@Test
		void reordersAPinnedRidersStops() {
			// rider 1 at x=0 holds two orders and was to serve the one from x=90 first,
			// but the one from x=-10 is on the way
			RoutingProblem problem = line(0, 90, 95, -10, -20, 100).rider(1, 0, 4)
				.rider(2, 5, 4)
				.pinned(1, 1, 2, 1)
				.pinned(2, 3, 4, 1)
				.objective(DISTANCE_ONLY)
				.build();
			InitialRoute planned = new InitialRoute(1,
					List.of(StopRef.pickup(1), StopRef.delivery(1), StopRef.pickup(2), StopRef.delivery(2)));

			RoutingSolution solution = DispatchRoundTest.this.solver.solve(problem, QUICK, List.of(planned));

			assertThat(solution.routes()).singleElement().satisfies(route -> {
				assertThat(route.vehicle().id()).isEqualTo(1);
				assertThat(route.stops()).extracting(s -> s.request().id()).containsExactly(2, 2, 1, 1);
			});
		}

	}

	@Nested
	class OnBoard {

		@Test
		void handsOverABagOrderEvenWhenItIsHopelesslyLate() {
			// rider at x=50 carries an order due at 5 at x=0; another order waits at x=60
			RoutingProblem problem = line(0, 50, 60, 70).rider(1, 1, 3)
				.onBoard(1, 1, due(0, 5))
				.request(2, at(2, OPEN, CLOSE, 5), at(3, OPEN, CLOSE, 0), 1)
				.objective(Objective.dispatch(1000, 0))
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.unassigned()).isEmpty();
			Route route = solution.routes().get(0);
			RouteStop first = route.stops().get(0);
			assertThat(first.request().id()).isEqualTo(1);
			assertThat(first.kind()).isEqualTo(StopKind.PICKUP);
			assertThat(first.serviceStart()).isEqualTo(OPEN);
			// straight to x=0: 45 late, as little as can be
			assertThat(route.stops().get(1).lateness()).isEqualTo(45.0);
			assertThat(deliveryOrder(route)).containsExactly(1, 2);
		}

		@Test
		void startsTheRouteWithEveryBagOrderBeforeAnyPickup() {
			// a waiting order at the rider's own spot is still picked up after the bag
			// orders, which are taken on at the moment the rider starts
			RoutingProblem problem = line(0, 10, -10).rider(1, 0, 4)
				.onBoard(1, 1, due(1, 100))
				.onBoard(2, 1, due(2, 100))
				.request(3, at(0, OPEN, CLOSE, 5), at(1, OPEN, CLOSE, 0), 1)
				.objective(Objective.dispatch(1, 1))
				.build();

			RoutingSolution solution = solve(problem);

			List<RouteStop> stops = solution.routes().get(0).stops();
			assertThat(stops.subList(0, 2)).extracting(s -> s.request().id(), RouteStop::kind)
				.containsExactlyInAnyOrder(tuple(1, StopKind.PICKUP), tuple(2, StopKind.PICKUP));
			assertThat(solution.unassigned()).isEmpty();
		}

		@Test
		void neverGivesABagOrderToAnotherRider() {
			// rider 2 stands at the order's door, rider 1 carries it
			RoutingProblem problem = line(0, 100).rider(1, 0, 2)
				.rider(2, 1, 2)
				.onBoard(1, 1, due(1, 10))
				.objective(Objective.dispatch(10, 1))
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.routes()).singleElement()
				.satisfies(route -> assertThat(route.vehicle().id()).isEqualTo(1));
		}

	}

	@Nested
	class SoftDueTimes {

		// rider at x=0; order 1 goes to x=10 with time to spare, order 2 to x=-20 by 25.
		// By distance alone order 1 goes first (40 against 50), which makes order 2 late.
		private LineProblems twoOrders(Objective objective) {
			return line(0, 10, -20).rider(1, 0, 2)
				.request(1, at(0, OPEN, CLOSE, 0), due(1, 1000), 1)
				.request(2, at(0, OPEN, CLOSE, 0), due(2, 25), 1)
				.objective(objective);
		}

		@Test
		void takesTheShorterWayWhenLatenessIsFree() {
			RoutingSolution solution = solve(twoOrders(DISTANCE_ONLY).build());

			assertThat(deliveryOrder(solution.routes().get(0))).containsExactly(1, 2);
			assertThat(solution.totalLateness()).isEqualTo(15.0);
		}

		@Test
		void deliversTheTightOrderFirstWhenLatenessCosts() {
			RoutingSolution solution = solve(twoOrders(Objective.dispatch(10, 0)).build());

			assertThat(deliveryOrder(solution.routes().get(0))).containsExactly(2, 1);
			assertThat(solution.totalLateness()).isZero();
			assertThat(solution.totalDistance()).isEqualTo(50.0);
		}

		@Test
		void servesAnOrderThatCanOnlyBeLate() {
			// one bag: order 1 must be collected at x=10 by 12 and is due at x=-100
			// at 0, long before anyone could get there; it is served, 120 late, and
			// order 2 after it (taking order 2 first would make order 1 impossible)
			RoutingProblem problem = line(0, 10, 20, -100).rider(1, 0, 1)
				.request(1, at(1, OPEN, 12, 0), due(3, 0), 1)
				.request(2, 1, 2, 1)
				.objective(Objective.dispatch(10, 0))
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.unassigned()).isEmpty();
			assertThat(deliveryOrder(solution.routes().get(0))).containsExactly(1, 2);
			assertThat(solution.totalLateness()).isEqualTo(120.0);
		}

		@Test
		void countsEveryOrderOfABundleThatIsLate() {
			// rider at x=0 with one order for x=-9 and a bundle of three for x=10, all
			// due at 10: whichever goes second is late. The one order first makes the
			// bundle 18 late, three orders (54); the bundle first makes one order 19
			// late.
			RoutingProblem problem = line(0, -9, 10).rider(1, 0, 4)
				.request(1, at(0, OPEN, CLOSE, 0), due(1, 10), 1)
				.request(2, at(0, OPEN, CLOSE, 0), due(2, 10), 3)
				.objective(Objective.dispatch(10, 0))
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(deliveryOrder(solution.routes().get(0))).containsExactly(2, 1);
			assertThat(solution.totalLateness()).isEqualTo(19.0);
		}

		@Test
		void staysOnTimeWhenThatCostsNothing() {
			// the due times add no cost unless a stop is late: with order 2 due late too,
			// the shorter way wins again
			RoutingProblem problem = line(0, 10, -20).rider(1, 0, 2)
				.request(1, at(0, OPEN, CLOSE, 0), due(1, 1000), 1)
				.request(2, at(0, OPEN, CLOSE, 0), due(2, 45), 1)
				.objective(Objective.dispatch(10, 0))
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(deliveryOrder(solution.routes().get(0))).containsExactly(1, 2);
		}

	}

	@Nested
	class CompletionTime {

		// rider at x=0 carries one order for x=-2 and four for x=5. Nearest side first
		// rides 2+7 = 9 and hands over at 2, 9, 9, 9, 9 (38); far side first rides 5+7 =
		// 12 and hands over at 5, 5, 5, 5, 12 (32).
		private RoutingProblem bag(Objective objective) {
			LineProblems round = line(0, -2, 5).rider(1, 0, 5).onBoard(1, 1, at(1, OPEN, CLOSE, 0));
			for (int id = 2; id <= 5; id++) {
				round.onBoard(id, 1, at(2, OPEN, CLOSE, 0));
			}
			return round.objective(objective).build();
		}

		@Test
		void ridesTheShortestWayWhenOnlyDistanceCounts() {
			RoutingSolution solution = solve(bag(DISTANCE_ONLY));

			assertThat(deliveryOrder(solution.routes().get(0)).get(0)).isEqualTo(1);
			assertThat(solution.totalDistance()).isEqualTo(9.0);
			assertThat(solution.totalCompletion()).isEqualTo(38.0);
		}

		@Test
		void servesTheCrowdFirstWhenCompletionTimeCounts() {
			RoutingSolution solution = solve(bag(Objective.dispatch(0, 1)));

			assertThat(deliveryOrder(solution.routes().get(0))).last().isEqualTo(1);
			assertThat(solution.totalCompletion()).isEqualTo(32.0);
			assertThat(solution.cost(Objective.dispatch(0, 1))).isEqualTo(12.0 + 32.0);
		}

	}

	@Nested
	class OpenEnds {

		@Test
		void countsNoWayBackForARiderWithAnOpenEnd() {
			RoutingProblem problem = line(0, 10, 20).rider(1, 0, 2).request(1, 1, 2, 1).build();

			RoutingSolution solution = solve(problem);

			Route route = solution.routes().get(0);
			assertThat(route.distance()).isEqualTo(20.0);
			assertThat(route.endArrival()).isEqualTo(20.0);
			assertThat(this.checkerDistance(problem, solution)).isEqualTo(20.0);
		}

		@Test
		void countsTheWayBackForAVehicleThatReturns() {
			RoutingProblem problem = line(0, 10, 20).vehicles(1, 2).request(1, 1, 2, 1).build();

			assertThat(solve(problem).totalDistance()).isEqualTo(40.0);
		}

		@Test
		void givesTheOrderToTheRiderWhoEndsWithIt() {
			// a returning vehicle at x=0 would ride 40; the rider at x=-5 rides 25
			// and stays at x=20
			RoutingProblem problem = line(0, 10, 20, -5).vehicles(1, 2)
				.rider(2, 3, 2)
				.request(1, 1, 2, 1)
				.objective(DISTANCE_ONLY)
				.build();

			RoutingSolution solution = solve(problem);

			assertThat(solution.routes()).singleElement()
				.satisfies(route -> assertThat(route.vehicle().id()).isEqualTo(2));
			assertThat(solution.totalDistance()).isEqualTo(25.0);
		}

		private double checkerDistance(RoutingProblem problem, RoutingSolution solution) {
			return DispatchRoundTest.this.checker.check(problem, solution, false).distance();
		}

	}

	@Nested
	class Fleet {

		// two riders at x=0, one order on each side
		private LineProblems twoSides() {
			return line(0, 1, 2, -1, -2).rider(1, 0, 4).rider(2, 0, 4).request(1, 1, 2, 1).request(2, 3, 4, 1);
		}

		@Test
		void theDefaultObjectiveUsesAsFewVehiclesAsItCan() {
			RoutingSolution solution = solve(twoSides().build());

			assertThat(solution.vehicleCount()).isEqualTo(1);
			assertThat(solution.totalDistance()).isEqualTo(6.0);
		}

		@Test
		void theDispatchObjectiveLetsEveryRiderWork() {
			RoutingSolution solution = solve(twoSides().objective(DISTANCE_ONLY).build());

			assertThat(solution.vehicleCount()).isEqualTo(2);
			assertThat(solution.totalDistance()).isEqualTo(4.0);
		}

	}

	@Nested
	class EarlyStop {

		@Test
		void returnsLongBeforeTheTimeLimitOnceTheSearchStopsImproving() {
			LineProblems round = line(0, 3, 7, -4, 12, -9, 5, 1).rider(1, 0, 3).rider(2, 4, 3);
			for (int id = 1; id <= 6; id++) {
				round.request(id, at(id, OPEN, CLOSE, 1), due((id % 7) + 1, 20 + 5 * id), 1);
			}
			RoutingProblem problem = round.objective(Objective.dispatch(5, 0.5)).build();
			SolverSettings settings = new SolverSettings(Duration.ofSeconds(20), 3).withEarlyStop(200);

			long began = System.nanoTime();
			RoutingSolution solution = DispatchRoundTest.this.solver.solve(problem, settings);
			Duration took = Duration.ofNanos(System.nanoTime() - began);

			assertThat(took).isLessThan(Duration.ofSeconds(5));
			assertThat(solution.unassigned()).isEmpty();
			assertThat(DispatchRoundTest.this.checker.check(problem, solution, false).violations()).isEmpty();
		}

		@Test
		void returnsAtOnceWhenThereIsNothingToDeliver() {
			RoutingProblem problem = line(0, 1).rider(1, 0, 3).objective(DISTANCE_ONLY).build();

			long began = System.nanoTime();
			RoutingSolution solution = DispatchRoundTest.this.solver.solve(problem,
					SolverSettings.withTimeLimit(Duration.ofSeconds(30)));

			assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
			assertThat(solution.routes()).isEmpty();
			assertThat(solution.unassigned()).isEmpty();
		}

	}

}
