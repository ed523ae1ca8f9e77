package org.lunchrush.routing.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Puts the banked requests back into a plan, one at a time, each time choosing the
 * request with the largest regret: how much it loses if it cannot go into its best tour
 * (regret-k, Ropke and Pisinger 2006). With {@code k = 1} this is plain cheapest
 * insertion. Vehicles not in use take part as empty tours while the plan has fewer than
 * {@code maxRoutes} tours.
 */
final class Insertion {

	private static final double NOISE = 0.025;

	private final Instance in;

	private final RandomGenerator random;

	private final Tour.Insertion scratch = new Tour.Insertion();

	Insertion(Instance in, RandomGenerator random) {
		this.in = in;
		this.random = random;
	}

	void insert(Plan plan, int k, boolean noisy, int maxRoutes) {
		List<Integer> bank = plan.unassigned();
		if (bank.isEmpty()) {
			return;
		}
		shuffle(bank);
		if (this.in.anyPinned) {
			List<Integer> pinned = new ArrayList<>();
			List<Integer> free = new ArrayList<>();
			for (int request : bank) {
				(this.in.pin[request] >= 0 ? pinned : free).add(request);
			}
			if (!pinned.isEmpty() && !free.isEmpty()) {
				// A pinned request has one place to go; regret would pick it before any
				// free request anyway. Placing them all first spares re-evaluating every
				// free request after each of their insertions.
				insert(plan, pinned, k, noisy, maxRoutes);
				insert(plan, free, k, noisy, maxRoutes);
				return;
			}
		}
		insert(plan, bank, k, noisy, maxRoutes);
	}

	private void insert(Plan plan, List<Integer> bank, int k, boolean noisy, int maxRoutes) {
		int n = bank.size();
		List<Column> columns = new ArrayList<>();
		for (int t = 0; t < plan.tours.size(); t++) {
			columns.add(new Column(plan.tours.get(t), t, n));
		}
		boolean[] candidateVehicle = new boolean[this.in.vehicles];
		if (plan.routeCount() < maxRoutes) {
			addEmptyColumns(plan, columns, candidateVehicle, n);
		}
		for (Column column : columns) {
			evaluate(column, bank, noisy);
		}
		boolean[] done = new boolean[n];
		int remaining = n;
		while (remaining > 0) {
			int chosen = -1;
			Column chosenColumn = null;
			double chosenScore = Double.NEGATIVE_INFINITY;
			double[] kBest = new double[k];
			for (int u = 0; u < n; u++) {
				if (done[u]) {
					continue;
				}
				Arrays.fill(kBest, Double.POSITIVE_INFINITY);
				Column best = null;
				for (Column column : columns) {
					double c = column.cost[u];
					if (c < kBest[k - 1]) {
						int h = k - 1;
						while (h > 0 && kBest[h - 1] > c) {
							kBest[h] = kBest[h - 1];
							h--;
						}
						kBest[h] = c;
						if (h == 0) {
							best = column;
						}
					}
				}
				if (best == null) {
					continue;
				}
				double score;
				if (k == 1) {
					score = -kBest[0];
				}
				else {
					int missing = 0;
					double regret = 0;
					for (int h = 1; h < k; h++) {
						if (kBest[h] == Double.POSITIVE_INFINITY) {
							missing++;
						}
						else {
							regret += kBest[h] - kBest[0];
						}
					}
					// a request with fewer places left goes first; among equals, the
					// cheaper one
					score = (missing > 0) ? 1e12 * missing - kBest[0] : regret;
				}
				if (score > chosenScore) {
					chosenScore = score;
					chosen = u;
					chosenColumn = best;
				}
			}
			if (chosen < 0) {
				break;
			}
			int request = bank.get(chosen);
			Tour tour = chosenColumn.tour;
			tour.insert(request, chosenColumn.pickupPos[chosen], chosenColumn.deliveryPos[chosen]);
			done[chosen] = true;
			remaining--;
			if (chosenColumn.index < 0) {
				chosenColumn.index = plan.tours.size();
				plan.tours.add(tour);
				plan.vehicleUsed[tour.vehicle] = true;
				if (plan.routeCount() >= maxRoutes) {
					columns.removeIf(c -> c.index < 0);
				}
				else {
					addEmptyColumns(plan, columns, candidateVehicle, n);
					for (Column column : columns) {
						if (column.index < 0 && column.fresh) {
							evaluate(column, bank, noisy, done);
						}
					}
				}
			}
			plan.tourOf[request] = chosenColumn.index;
			chosenColumn.cost[chosen] = Double.POSITIVE_INFINITY;
			evaluate(chosenColumn, bank, noisy, done);
		}
	}

	private void addEmptyColumns(Plan plan, List<Column> columns, boolean[] candidateVehicle, int n) {
		boolean[] profileOffered = new boolean[this.in.vehicles];
		for (Column column : columns) {
			column.fresh = false;
			if (column.index < 0) {
				profileOffered[this.in.profile[column.tour.vehicle]] = true;
			}
		}
		for (int v = 0; v < this.in.vehicles; v++) {
			int profile = this.in.profile[v];
			if (!plan.vehicleUsed[v] && !candidateVehicle[v] && !profileOffered[profile]) {
				candidateVehicle[v] = true;
				profileOffered[profile] = true;
				Column column = new Column(new Tour(this.in, v), -1, n);
				column.fresh = true;
				columns.add(column);
			}
		}
	}

	private void evaluate(Column column, List<Integer> bank, boolean noisy) {
		evaluate(column, bank, noisy, null);
	}

	private void evaluate(Column column, List<Integer> bank, boolean noisy, boolean[] done) {
		for (int u = 0; u < bank.size(); u++) {
			if (done != null && done[u]) {
				column.cost[u] = Double.POSITIVE_INFINITY;
				continue;
			}
			double cost = column.tour.bestInsertion(bank.get(u), this.scratch);
			if (cost != Double.POSITIVE_INFINITY) {
				column.pickupPos[u] = this.scratch.pickupPos;
				column.deliveryPos[u] = this.scratch.deliveryPos;
				if (noisy) {
					cost = Math.max(0, cost + (this.random.nextDouble() * 2 - 1) * NOISE * this.in.maxDistance);
				}
			}
			column.cost[u] = cost;
		}
	}

	private void shuffle(List<Integer> list) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			list.set(i, list.set(j, list.get(i)));
		}
	}

	/** Cached best insertion of each banked request into one tour. */
	private static final class Column {

		final Tour tour;

		/** Index in the plan, or -1 for a vehicle not in use yet. */
		int index;

		boolean fresh;

		final double[] cost;

		final int[] pickupPos;

		final int[] deliveryPos;

		Column(Tour tour, int index, int n) {
			this.tour = tour;
			this.index = index;
			this.cost = new double[n];
			this.pickupPos = new int[n];
			this.deliveryPos = new int[n];
		}

	}

}
