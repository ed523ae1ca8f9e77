package org.lunchrush.routing.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.lunchrush.routing.Objective;
import org.lunchrush.routing.Request;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.TravelMatrix;
import org.lunchrush.routing.Vehicle;
import org.lunchrush.routing.Visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The cached schedule's insertion cost against brute force: for random tours and
 * requests, {@link Tour#bestInsertion} must return the cheapest feasible insertion, as
 * found by inserting the request at every pair of positions and recomputing the tour, and
 * it must cost less than leaving the request in the bank.
 */
class TourTest {

	private static final int PLACES = 12;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void findsTheCheapestInsertionWithTimeCostsOnACampus(long seed) {
		checkAgainstBruteForce(problem(seed, campus(seed), Objective.dispatch(3, 0.7)));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4 })
	void findsTheCheapestInsertionWhenTheMatrixBreaksTheTriangleInequality(long seed) {
		Instance in = checkAgainstBruteForce(problem(seed, scrambled(seed), Objective.dispatch(2, 0.4)));
		assertThat(in.triangle).isFalse();
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4 })
	void findsTheCheapestInsertionWhenOnlyTheWayToADepotIsAShortcut(long seed) {
		// the campus plus a depot, the second vehicle's end, reached from anywhere in
		// almost no time: through it, the triangle inequality fails
		TravelMatrix campus = campus(seed);
		double[][] d = new double[PLACES + 1][PLACES + 1];
		double[][] t = new double[PLACES + 1][PLACES + 1];
		for (int i = 0; i < PLACES; i++) {
			for (int j = 0; j < PLACES; j++) {
				d[i][j] = campus.distance(i, j);
				t[i][j] = campus.travelTime(i, j);
			}
			d[i][PLACES] = 1;
			t[i][PLACES] = 1;
			d[PLACES][i] = campus.distance(0, i);
			t[PLACES][i] = campus.travelTime(0, i);
		}
		Instance in = checkAgainstBruteForce(problem(seed, TravelMatrix.of(d, t), Objective.dispatch(3, 0.7), PLACES));
		assertThat(in.triangle).isFalse();
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void findsTheShortestInsertionWithoutTimeCosts(long seed) {
		Instance in = checkAgainstBruteForce(problem(seed, campus(seed), Objective.FEWEST_VEHICLES_THEN_DISTANCE));
		assertThat(in.timed).isFalse();
	}

	private static Instance checkAgainstBruteForce(RoutingProblem problem) {
		Instance in = new Instance(problem);
		SplittableRandom random = new SplittableRandom(99);
		Tour.Insertion found = new Tour.Insertion();
		int checked = 0;
		for (int v = 0; v < in.vehicles; v++) {
			Tour tour = new Tour(in, v);
			List<Integer> left = new ArrayList<>();
			for (int r = 0; r < in.requests; r++) {
				// fill the tour with about half the requests, cheapest place each
				if (random.nextBoolean() && tour.bestInsertion(r, found) < Double.POSITIVE_INFINITY) {
					tour.insert(r, found.pickupPos, found.deliveryPos);
				}
				else {
					left.add(r);
				}
			}
			for (int r : left) {
				double claimed = tour.bestInsertion(r, found);
				double cheapest = bruteForce(tour, r);
				if (cheapest == Double.POSITIVE_INFINITY) {
					assertThat(claimed).isEqualTo(Double.POSITIVE_INFINITY);
					continue;
				}
				assertThat(claimed).isCloseTo(cheapest, within(1e-6));
				// so that serving a request always beats leaving it in the bank
				assertThat(claimed).isLessThan(in.bankPenalty);
				Tour inserted = tour.copy();
				inserted.insert(r, found.pickupPos, found.deliveryPos);
				assertThat(inserted.firstViolation()).isZero();
				assertThat(inserted.cost() - tour.cost()).isCloseTo(claimed, within(1e-6));
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(10);
		return in;
	}

	/** Cheapest feasible cost increase over every pair of positions, by full replay. */
	private static double bruteForce(Tour tour, int request) {
		double best = Double.POSITIVE_INFINITY;
		int pin = tour.in.pin[request];
		if (pin >= 0 && pin != tour.vehicle) {
			return best;
		}
		for (int i = 1; i <= tour.size + 1; i++) {
			for (int j = i; j <= tour.size + 1; j++) {
				Tour candidate = tour.copy();
				candidate.insert(request, i, j);
				if (candidate.firstViolation() == 0) {
					best = Math.min(best, candidate.cost() - tour.cost());
				}
			}
		}
		return best;
	}

	/**
	 * Places in a square; path length 1.3 times the straight line, ridden at 4 per second
	 * plus 30 to stop (the triangle inequality holds).
	 */
	private static TravelMatrix campus(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[] x = new double[PLACES];
		double[] y = new double[PLACES];
		for (int i = 0; i < PLACES; i++) {
			x[i] = random.nextDouble(1500);
			y[i] = random.nextDouble(1500);
		}
		double[][] d = new double[PLACES][PLACES];
		double[][] t = new double[PLACES][PLACES];
		for (int i = 0; i < PLACES; i++) {
			for (int j = 0; j < PLACES; j++) {
				d[i][j] = 1.3 * Math.hypot(x[i] - x[j], y[i] - y[j]);
				t[i][j] = (i == j) ? 0 : d[i][j] / 4 + 30;
			}
		}
		return TravelMatrix.of(d, t);
	}

	/** Random distances and times: shortcuts everywhere, pushes can be negative. */
	private static TravelMatrix scrambled(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		double[][] d = new double[PLACES][PLACES];
		double[][] t = new double[PLACES][PLACES];
		for (int i = 0; i < PLACES; i++) {
			for (int j = 0; j < PLACES; j++) {
				if (i != j) {
					d[i][j] = random.nextDouble(10, 2000);
					t[i][j] = random.nextDouble(5, 600);
				}
			}
		}
		return TravelMatrix.of(d, t);
	}

	private static RoutingProblem problem(long seed, TravelMatrix matrix, Objective objective) {
		return problem(seed, matrix, objective, 0);
	}

	private static RoutingProblem problem(long seed, TravelMatrix matrix, Objective objective, int depot) {
		SplittableRandom random = new SplittableRandom(seed * 31);
		List<Vehicle> vehicles = List.of(Vehicle.openEnded(1, 4, random.nextInt(PLACES), 0, 20_000),
				new Vehicle(2, 5, 0, depot, 100, 20_000));
		List<Request> requests = new ArrayList<>();
		requests.add(Request.onBoard(100, vehicles.get(0), new Visit(random.nextInt(PLACES), 0, 20_000, 20, 400), 1));
		for (int id = 1; id <= 18; id++) {
			double ready = random.nextDouble(0, 1500);
			// some pickups close soon, some hand-overs have a hard end, most only a due
			double pickupEnd = random.nextInt(4) == 0 ? ready + random.nextDouble(300, 1500) : 20_000;
			double handOverEnd = random.nextInt(5) == 0 ? ready + random.nextDouble(900, 4000) : 20_000;
			Visit pickup = new Visit(random.nextInt(3), ready, pickupEnd, 15);
			Visit handOver = new Visit(random.nextInt(PLACES), 0, handOverEnd, 20,
					random.nextInt(6) == 0 ? Double.POSITIVE_INFINITY : ready + random.nextDouble(200, 1800));
			int pin = random.nextInt(6) == 0 ? 1 + random.nextInt(2) : Request.ANY_VEHICLE;
			requests.add(new Request(id, pickup, handOver, 1 + random.nextInt(2), pin));
		}
		return new RoutingProblem(matrix, requests, vehicles, objective);
	}

}
