package org.lunchrush.routing.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The destroy moves of the large neighbourhood search: each takes {@code q} requests out
 * of a plan and puts them in the bank.
 */
final class Removal {

	static final int RANDOM = 0;

	static final int WORST = 1;

	static final int RELATED = 2;

	static final int TOUR = 3;

	static final int COUNT = 4;

	/**
	 * Randomisation exponents of worst and related removal (Ropke and Pisinger use 3 and
	 * 6).
	 */
	private static final double WORST_POWER = 3;

	private static final double RELATED_POWER = 6;

	private final Instance in;

	private final RandomGenerator random;

	/** Relatedness of two requests: lower is closer in space, time and size. */
	private final double[][] relatedness;

	Removal(Instance in, RandomGenerator random) {
		this.in = in;
		this.random = random;
		int n = in.requests;
		this.relatedness = new double[n][n];
		double horizon = 1e-9;
		int maxLoad = 1;
		for (int node = 0; node < 2 * n; node++) {
			// a window without an end (a delivery with only a soft due) says
			// nothing about the horizon
			double end = in.latest[node];
			horizon = Math.max(horizon, Double.isFinite(end) ? end : in.earliest[node]);
			maxLoad = Math.max(maxLoad, Math.abs(in.load[node]));
		}
		for (int a = 0; a < n; a++) {
			for (int b = 0; b < n; b++) {
				double space = in.distance[in.location[2 * a]][in.location[2 * b]]
						+ in.distance[in.location[2 * a + 1]][in.location[2 * b + 1]];
				double time = Math.abs(in.earliest[2 * a] - in.earliest[2 * b])
						+ Math.abs(in.earliest[2 * a + 1] - in.earliest[2 * b + 1]);
				double size = Math.abs(in.load[2 * a] - in.load[2 * b]);
				this.relatedness[a][b] = 9 * space / in.maxDistance + 3 * time / horizon + 2 * size / maxLoad;
			}
		}
	}

	void remove(int operator, Plan plan, int q) {
		switch (operator) {
			case RANDOM -> removeRandom(plan, q);
			case WORST -> removeWorst(plan, q);
			case RELATED -> removeRelated(plan, q);
			case TOUR -> removeTour(plan, q);
			default -> throw new IllegalArgumentException("unknown removal " + operator);
		}
		plan.compact();
	}

	private List<Integer> assigned(Plan plan) {
		List<Integer> list = new ArrayList<>();
		for (int r = 0; r < plan.tourOf.length; r++) {
			if (plan.tourOf[r] >= 0) {
				list.add(r);
			}
		}
		return list;
	}

	private void removeRandom(Plan plan, int q) {
		List<Integer> assigned = assigned(plan);
		for (int k = 0; k < q && !assigned.isEmpty(); k++) {
			int i = this.random.nextInt(assigned.size());
			plan.remove(assigned.get(i));
			assigned.set(i, assigned.get(assigned.size() - 1));
			assigned.remove(assigned.size() - 1);
		}
	}

	private void removeWorst(Plan plan, int q) {
		for (int k = 0; k < q; k++) {
			List<Integer> assigned = assigned(plan);
			if (assigned.isEmpty()) {
				return;
			}
			double[] saving = new double[plan.tourOf.length];
			for (int r : assigned) {
				saving[r] = plan.tours.get(plan.tourOf[r]).removalSaving(r);
			}
			assigned.sort(Comparator.comparingDouble((Integer r) -> -saving[r]));
			int pick = (int) (Math.pow(this.random.nextDouble(), WORST_POWER) * assigned.size());
			plan.remove(assigned.get(pick));
		}
	}

	private void removeRelated(Plan plan, int q) {
		List<Integer> assigned = assigned(plan);
		if (assigned.isEmpty()) {
			return;
		}
		List<Integer> removed = new ArrayList<>();
		int seed = assigned.remove(this.random.nextInt(assigned.size()));
		removed.add(seed);
		plan.remove(seed);
		while (removed.size() < q && !assigned.isEmpty()) {
			int anchor = removed.get(this.random.nextInt(removed.size()));
			double[] row = this.relatedness[anchor];
			assigned.sort(Comparator.comparingDouble((Integer r) -> row[r]));
			int pick = (int) (Math.pow(this.random.nextDouble(), RELATED_POWER) * assigned.size());
			int r = assigned.remove(pick);
			removed.add(r);
			plan.remove(r);
		}
	}

	/**
	 * Empties a random tour, or a random part of it when it serves more than {@code q}.
	 */
	private void removeTour(Plan plan, int q) {
		if (plan.tours.isEmpty()) {
			return;
		}
		Tour tour = plan.tours.get(this.random.nextInt(plan.tours.size()));
		List<Integer> requests = new ArrayList<>();
		for (int k = 0; k < tour.size; k++) {
			if ((tour.nodes[k] & 1) == 0) {
				requests.add(tour.nodes[k] >> 1);
			}
		}
		int take = Math.min(q, requests.size());
		for (int k = 0; k < take; k++) {
			int i = this.random.nextInt(requests.size());
			plan.remove(requests.remove(i));
		}
		if (take < q) {
			removeRelated(plan, q - take);
		}
	}

}
