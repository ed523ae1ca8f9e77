package org.lunchrush.routing;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.routing.LineProblems.CLOSE;
import static org.lunchrush.routing.LineProblems.OPEN;
import static org.lunchrush.routing.LineProblems.at;
import static org.lunchrush.routing.LineProblems.due;
import static org.lunchrush.routing.LineProblems.line;
import static org.lunchrush.routing.StopRef.delivery;
import static org.lunchrush.routing.StopRef.pickup;

class WarmStartTest {

	private static final SolverSettings QUICK = new SolverSettings(Duration.ofMillis(300), 7);

	private final RoutingSolver solver = new RoutingSolver();

	private final FeasibilityChecker checker = new FeasibilityChecker();

	private RoutingSolution solve(RoutingProblem problem, InitialRoute... warmStart) {
		RoutingSolution solution = this.solver.solve(problem, QUICK, List.of(warmStart));
		assertThat(this.checker.check(problem, solution, true).violations()).isEmpty();
		return solution;
	}

	private static List<StopRef> stops(Route route) {
		return route.stops().stream().map(s -> new StopRef(s.request().id(), s.kind())).toList();
	}

	private static int riderOf(RoutingSolution solution, int requestId) {
		return solution.routes()
			.stream()
			.filter(r -> r.stops().stream().anyMatch(s -> s.request().id() == requestId))
			.findFirst()
			.orElseThrow()
			.vehicle()
			.id();
	}

	@Test
	void keepsAWarmStartThatIsAlreadyOptimal() {
		// two riders at x=0, one order on each side: either rider may take either side,
		// both plans ride 40. Without a warm start this seed gives order 1 to rider 2.
		RoutingProblem problem = line(0, 10, 20, -10, -20).rider(1, 0, 2)
			.rider(2, 0, 2)
			.request(1, 1, 2, 1)
			.request(2, 3, 4, 1)
			.objective(Objective.dispatch(0, 0))
			.build();
		RoutingSolution cold = solve(problem);
		assertThat(riderOf(cold, 1)).isEqualTo(2);

		RoutingSolution warm = solve(problem, new InitialRoute(1, List.of(pickup(1), delivery(1))),
				new InitialRoute(2, List.of(pickup(2), delivery(2))));

		assertThat(riderOf(warm, 1)).isEqualTo(1);
		assertThat(riderOf(warm, 2)).isEqualTo(2);
		assertThat(warm.totalDistance()).isEqualTo(40.0);
	}

	@Test
	void movesAStopThatCanNoLongerBeKeptWhereItWas() {
		// the order for x=-10 must be there by 30; last round's plan took it after the
		// ride to x=50, which now arrives at 110
		RoutingProblem problem = line(0, 50, -10).rider(1, 0, 2)
			.request(1, 0, 1, 1)
			.request(2, at(0, OPEN, CLOSE, 0), at(2, OPEN, 30, 0), 1)
			.objective(Objective.dispatch(0, 0))
			.build();

		RoutingSolution solution = solve(problem,
				new InitialRoute(1, List.of(pickup(1), delivery(1), pickup(2), delivery(2))));

		assertThat(solution.unassigned()).isEmpty();
		RouteStop handOver = solution.routes()
			.get(0)
			.stops()
			.stream()
			.filter(s -> s.request().id() == 2 && s.kind() == StopKind.DELIVERY)
			.findFirst()
			.orElseThrow();
		assertThat(handOver.serviceStart()).isLessThanOrEqualTo(30.0);
	}

	@Test
	void placesAgainWhatTheWarmStartGotWrong() {
		// unknown order 99, order 2 pinned to rider 2 but listed for rider 1, order 3
		// delivered before its pickup, order 4 not mentioned at all
		RoutingProblem problem = line(0, 10, 20, 30).rider(1, 0, 4)
			.rider(2, 3, 4)
			.request(1, 1, 2, 1)
			.pinned(2, 2, 1, 2)
			.request(3, 2, 3, 1)
			.request(4, 3, 1, 1)
			.objective(Objective.dispatch(1, 0.1))
			.build();

		RoutingSolution solution = solve(problem, new InitialRoute(1, List.of(pickup(99), pickup(1), pickup(2),
				delivery(3), delivery(1), delivery(2), pickup(3), delivery(99))));

		assertThat(solution.unassigned()).isEmpty();
		assertThat(riderOf(solution, 2)).isEqualTo(2);
		assertThat(this.checker.check(problem, solution, false).violations()).isEmpty();
	}

	@Test
	void givesUpAWarmStartedRouteThatCannotEndInTime() {
		// the vehicle must be back at x=0 by 30: the planned tour to x=20 and x=-20
		// cannot be, so at least one order goes back to the bank and is placed again
		Vehicle shortShift = new Vehicle(1, 4, 0, 0, OPEN, 30);
		Vehicle longShift = new Vehicle(2, 4, 0, 0, OPEN, CLOSE);
		RoutingProblem problem = new RoutingProblem(line(0, 20, -20).build().matrix(),
				List.of(new Request(1, at(0, OPEN, CLOSE, 0), at(1, OPEN, CLOSE, 0), 1),
						new Request(2, at(0, OPEN, CLOSE, 0), at(2, OPEN, CLOSE, 0), 1)),
				List.of(shortShift, longShift), Objective.dispatch(0, 0));

		RoutingSolution solution = solve(problem,
				new InitialRoute(1, List.of(pickup(1), pickup(2), delivery(1), delivery(2))));

		assertThat(solution.unassigned()).isEmpty();
		assertThat(solution.routes()).filteredOn(r -> r.vehicle().equals(shortShift))
			.allSatisfy(r -> assertThat(r.stops()).hasSizeLessThanOrEqualTo(2));
	}

	@Test
	void placesAgainTheOrdersOfAVehicleThatCannotReachItsEndAtAll() {
		// vehicle 1 would need 20 to reach its end at x=20 but must be there by 5
		Vehicle stranded = new Vehicle(1, 4, 0, 1, OPEN, 5);
		Vehicle other = new Vehicle(2, 4, 0, 0, OPEN, CLOSE);
		RoutingProblem problem = new RoutingProblem(line(0, 20, -20).build().matrix(),
				List.of(new Request(1, at(0, OPEN, CLOSE, 0), at(2, OPEN, CLOSE, 0), 1)), List.of(stranded, other),
				Objective.dispatch(0, 0));

		RoutingSolution solution = solve(problem, new InitialRoute(1, List.of(pickup(1), delivery(1))));

		assertThat(solution.unassigned()).isEmpty();
		assertThat(riderOf(solution, 1)).isEqualTo(2);
	}

	@Test
	void putsTheBagFirstWhenTheWarmStartNamesOnlyTheHandOver() {
		RoutingProblem problem = line(0, 10, -10).rider(1, 0, 4)
			.onBoard(1, 1, due(1, 10))
			.request(2, 0, 2, 1)
			.objective(Objective.dispatch(1, 1))
			.build();

		RoutingSolution solution = solve(problem, new InitialRoute(1, List.of(delivery(1), pickup(2), delivery(2))));

		assertThat(stops(solution.routes().get(0))).containsExactly(pickup(1), delivery(1), pickup(2), delivery(2));
	}

	@Test
	void neverAnswersWorseThanTheRoundItStartedFrom() {
		SplittableRandom random = new SplittableRandom(11);
		double[] x = new double[25];
		for (int i = 1; i < x.length; i++) {
			x[i] = random.nextDouble(-100, 100);
		}
		LineProblems round = line(x).rider(1, 0, 4).rider(2, 5, 4).rider(3, 10, 4);
		for (int id = 1; id <= 24; id++) {
			int from = 1 + random.nextInt(24);
			int to = 1 + random.nextInt(24);
			round.request(id, at(from, random.nextDouble(0, 100), CLOSE, 2), due(to, random.nextDouble(100, 300)), 1);
		}
		Objective objective = Objective.dispatch(2, 0.2);
		RoutingProblem problem = round.objective(objective).build();
		RoutingSolution first = this.solver.solve(problem, new SolverSettings(Duration.ofMillis(50), 1));
		List<InitialRoute> plan = first.routes().stream().map(InitialRoute::of).toList();

		for (long seed = 2; seed < 6; seed++) {
			RoutingSolution next = this.solver.solve(problem,
					new SolverSettings(Duration.ofMillis(50), seed).withEarlyStop(5), plan);

			assertThat(next.unassigned()).hasSizeLessThanOrEqualTo(first.unassigned().size());
			assertThat(next.cost(objective)).isLessThanOrEqualTo(first.cost(objective) + 1e-6);
			assertThat(this.checker.check(problem, next, true).violations()).isEmpty();
		}
	}

}
