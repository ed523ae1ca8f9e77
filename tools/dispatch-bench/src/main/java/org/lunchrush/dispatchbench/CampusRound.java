package org.lunchrush.dispatchbench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.lunchrush.routing.Objective;
import org.lunchrush.routing.Request;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.TravelMatrix;
import org.lunchrush.routing.Vehicle;
import org.lunchrush.routing.Visit;

/**
 * A synthetic lunch-rush dispatch round on a campus, as the dispatcher would hand it to
 * the routing core every 15 seconds: riders already out, some orders in their bags, some
 * promised to them but waiting at a canteen, the rest waiting for anyone.
 * <p>
 * Times are seconds from now, distances metres. The campus is {@code locations} points in
 * a 1.5 km square, the first two or three of them canteens. A path is 1.3 times the
 * straight line; riding it takes its length at 4 m/s plus 30 s to park and walk when the
 * places differ. A pickup has a hard earliest start (the food is ready then) and takes 15
 * s; a hand-over takes 20 s and is promised 20 to 30 minutes after the food is ready,
 * softly. Riders carry 8, end wherever their last hand-over is, and work until the end of
 * the shift, far beyond the round.
 *
 * @param problem the round for the routing core
 * @param onBoard orders in a rider's bag
 * @param assigned orders promised to a rider, not picked up yet
 * @param waiting orders any rider may take
 */
record CampusRound(RoutingProblem problem, int onBoard, int assigned, int waiting) {

	static final double SIDE = 1500;

	static final double DETOUR = 1.3;

	static final double SPEED = 4;

	static final double STOP_OVERHEAD = 30;

	static final double PICKUP_SERVICE = 15;

	static final double HANDOVER_SERVICE = 20;

	static final int CAPACITY = 8;

	static final double SHIFT_LEFT = 4 * 3600;

	/** How big a round to build. */
	record Shape(int locations, int riders, int onBoard, int assigned, int waiting) {

		static final Shape LUNCH_PEAK = new Shape(20, 60, 150, 100, 250);

		/**
		 * A round of {@code orders} in the lunch peak's mix: 30 % in bags, 20 % promised,
		 * the rest waiting.
		 */
		static Shape of(int orders, int riders) {
			int onBoard = (int) Math.round(0.3 * orders);
			int assigned = (int) Math.round(0.2 * orders);
			return new Shape(20, riders, onBoard, assigned, orders - onBoard - assigned);
		}

		int orders() {
			return this.onBoard + this.assigned + this.waiting;
		}

	}

	static CampusRound build(Shape shape, Objective objective, long seed) {
		if (shape.onBoard() + shape.assigned() > shape.riders() * CAPACITY) {
			throw new IllegalArgumentException("more orders on board and promised than the riders' bags hold");
		}
		SplittableRandom random = new SplittableRandom(seed);
		int n = shape.locations();
		double[] x = new double[n];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = random.nextDouble(SIDE);
			y[i] = random.nextDouble(SIDE);
		}
		double[][] distance = new double[n][n];
		double[][] time = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				distance[i][j] = DETOUR * Math.hypot(x[i] - x[j], y[i] - y[j]);
				time[i][j] = (i == j) ? 0 : distance[i][j] / SPEED + STOP_OVERHEAD;
			}
		}
		int canteens = 2 + random.nextInt(2);
		List<Vehicle> riders = new ArrayList<>();
		for (int v = 0; v < shape.riders(); v++) {
			riders.add(Vehicle.openEnded(v + 1, CAPACITY, random.nextInt(n), 0, SHIFT_LEFT));
		}
		// a rider holds at most a bagful of orders on board and promised together, so the
		// promises the dispatcher made stay keepable
		int[] held = new int[riders.size()];
		List<Request> requests = new ArrayList<>();
		int id = 1;
		for (int k = 0; k < shape.onBoard(); k++) {
			Vehicle rider = riderWithRoom(riders, held, random);
			double ready = -random.nextDouble(15 * 60);
			requests.add(Request.onBoard(id++, rider, handOver(random, canteens, n, ready), 1));
		}
		for (int k = 0; k < shape.assigned(); k++) {
			Vehicle rider = riderWithRoom(riders, held, random);
			double ready = random.nextDouble(-5 * 60, 10 * 60);
			requests.add(new Request(id++, pickup(random, canteens, ready), handOver(random, canteens, n, ready), 1,
					rider.id()));
		}
		for (int k = 0; k < shape.waiting(); k++) {
			double ready = random.nextDouble(10 * 60);
			requests.add(new Request(id++, pickup(random, canteens, ready), handOver(random, canteens, n, ready), 1));
		}
		RoutingProblem problem = new RoutingProblem(TravelMatrix.of(distance, time), requests, riders, objective);
		return new CampusRound(problem, shape.onBoard(), shape.assigned(), shape.waiting());
	}

	private static Vehicle riderWithRoom(List<Vehicle> riders, int[] held, SplittableRandom random) {
		for (;;) {
			int v = random.nextInt(riders.size());
			if (held[v] < CAPACITY) {
				held[v]++;
				return riders.get(v);
			}
		}
	}

	/** At a canteen, not before the food is ready (which may have been a while ago). */
	private static Visit pickup(SplittableRandom random, int canteens, double ready) {
		return new Visit(random.nextInt(canteens), Math.max(0, ready), SHIFT_LEFT, PICKUP_SERVICE);
	}

	/** Anywhere but a canteen, promised 20 to 30 minutes after the food was ready. */
	private static Visit handOver(SplittableRandom random, int canteens, int locations, double ready) {
		double due = ready + random.nextDouble(20 * 60, 30 * 60);
		return new Visit(canteens + random.nextInt(locations - canteens), 0, SHIFT_LEFT, HANDOVER_SERVICE, due);
	}

}
