package org.lunchrush.routing.search;

import java.util.Arrays;

/**
 * One vehicle's route during the search, kept feasible at all times. Position 0 is the
 * vehicle's start, positions {@code 1..size} its stops, position {@code size + 1} its
 * end. The schedule is cached so that an insertion is checked without replaying the
 * route: the earliest service start at each position, the latest start that keeps the
 * rest of the route on time, and the load on board when leaving.
 */
final class Tour {

	private static final double EPS = 1e-9;

	final Instance in;

	final int vehicle;

	int[] nodes;

	int size;

	double[] start;

	double[] latestStart;

	int[] loadAfter;

	double distance;

	Tour(Instance in, int vehicle) {
		this.in = in;
		this.vehicle = vehicle;
		this.nodes = new int[8];
		this.size = 0;
		allocate(8);
		refresh();
	}

	private Tour(Tour other) {
		this.in = other.in;
		this.vehicle = other.vehicle;
		this.nodes = other.nodes.clone();
		this.size = other.size;
		this.start = other.start.clone();
		this.latestStart = other.latestStart.clone();
		this.loadAfter = other.loadAfter.clone();
		this.distance = other.distance;
	}

	Tour copy() {
		return new Tour(this);
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	private void allocate(int capacity) {
		this.start = new double[capacity + 2];
		this.latestStart = new double[capacity + 2];
		this.loadAfter = new int[capacity + 2];
	}

	int loc(int pos) {
		if (pos == 0) {
			return this.in.startLocation[this.vehicle];
		}
		if (pos == this.size + 1) {
			return this.in.endLocation[this.vehicle];
		}
		return this.in.location[this.nodes[pos - 1]];
	}

	private double earliest(int pos) {
		return (pos == 0 || pos == this.size + 1) ? this.in.shiftStart[this.vehicle]
				: this.in.earliest[this.nodes[pos - 1]];
	}

	private double latest(int pos) {
		return (pos == 0 || pos == this.size + 1) ? this.in.shiftEnd[this.vehicle]
				: this.in.latest[this.nodes[pos - 1]];
	}

	private double service(int pos) {
		return (pos == 0 || pos == this.size + 1) ? 0 : this.in.service[this.nodes[pos - 1]];
	}

	/** Recomputes the cached schedule, loads and distance after the stops changed. */
	void refresh() {
		if (this.start.length < this.size + 2) {
			allocate(Math.max(this.size, this.nodes.length));
		}
		double[][] t = this.in.time;
		double[][] d = this.in.distance;
		this.start[0] = this.in.shiftStart[this.vehicle];
		this.loadAfter[0] = 0;
		double dist = 0;
		for (int pos = 1; pos <= this.size + 1; pos++) {
			int a = loc(pos - 1);
			int b = loc(pos);
			this.start[pos] = Math.max(this.start[pos - 1] + service(pos - 1) + t[a][b], earliest(pos));
			this.loadAfter[pos] = this.loadAfter[pos - 1]
					+ ((pos <= this.size) ? this.in.load[this.nodes[pos - 1]] : 0);
			dist += d[a][b];
		}
		this.distance = dist;
		this.latestStart[this.size + 1] = latest(this.size + 1);
		for (int pos = this.size; pos >= 0; pos--) {
			this.latestStart[pos] = Math.min(latest(pos),
					this.latestStart[pos + 1] - service(pos) - t[loc(pos)][loc(pos + 1)]);
		}
	}

	/**
	 * Finds the cheapest feasible way to insert a request, writing it to {@code out}.
	 * @return the added distance, or {@link Double#POSITIVE_INFINITY} when it does not
	 * fit
	 */
	double bestInsertion(int request, Insertion out) {
		Instance in = this.in;
		int p = 2 * request;
		int dNode = p + 1;
		int pLoc = in.location[p];
		int dLoc = in.location[dNode];
		int demand = in.load[p];
		int cap = in.capacity[this.vehicle];
		double[][] t = in.time;
		double[][] d = in.distance;
		double best = Double.POSITIVE_INFINITY;
		int last = this.size + 1;
		for (int i = 1; i <= last; i++) {
			int prev = i - 1;
			if (this.loadAfter[prev] + demand > cap) {
				continue;
			}
			int prevLoc = loc(prev);
			double sP = Math.max(this.start[prev] + service(prev) + t[prevLoc][pLoc], in.earliest[p]);
			if (sP > in.latest[p] + EPS) {
				continue;
			}
			int iLoc = loc(i);
			double addP = d[prevLoc][pLoc] + d[pLoc][iLoc] - d[prevLoc][iLoc];
			// delivery right after the pickup
			double sD = Math.max(sP + in.service[p] + t[pLoc][dLoc], in.earliest[dNode]);
			if (sD <= in.latest[dNode] + EPS && sD + in.service[dNode] + t[dLoc][iLoc] <= this.latestStart[i] + EPS) {
				double cost = d[prevLoc][pLoc] + d[pLoc][dLoc] + d[dLoc][iLoc] - d[prevLoc][iLoc];
				if (cost < best) {
					best = cost;
					out.pickupPos = i;
					out.deliveryPos = i;
				}
			}
			// delivery after some stop between i and size: push the schedule forward stop
			// by stop
			double cur = sP;
			int curLoc = pLoc;
			double curService = in.service[p];
			for (int pos = i; pos <= this.size; pos++) {
				if (this.loadAfter[pos] + demand > cap) {
					break;
				}
				int posLoc = loc(pos);
				double s = Math.max(cur + curService + t[curLoc][posLoc], earliest(pos));
				if (s > latest(pos) + EPS) {
					break;
				}
				int nextLoc = loc(pos + 1);
				double sD2 = Math.max(s + service(pos) + t[posLoc][dLoc], in.earliest[dNode]);
				if (sD2 <= in.latest[dNode] + EPS
						&& sD2 + in.service[dNode] + t[dLoc][nextLoc] <= this.latestStart[pos + 1] + EPS) {
					double cost = addP + d[posLoc][dLoc] + d[dLoc][nextLoc] - d[posLoc][nextLoc];
					if (cost < best) {
						best = cost;
						out.pickupPos = i;
						out.deliveryPos = pos + 1;
					}
				}
				cur = s;
				curLoc = posLoc;
				curService = service(pos);
			}
		}
		return best;
	}

	/**
	 * Inserts a request at positions found by {@link #bestInsertion}: the pickup before
	 * the stop now at {@code pickupPos}, the delivery before the stop now at
	 * {@code deliveryPos}.
	 */
	void insert(int request, int pickupPos, int deliveryPos) {
		if (this.size + 2 > this.nodes.length) {
			this.nodes = Arrays.copyOf(this.nodes, this.nodes.length * 2);
		}
		int pi = pickupPos - 1;
		int di = deliveryPos - 1;
		// shift the tail after the delivery's slot by two, the middle by one
		System.arraycopy(this.nodes, di, this.nodes, di + 2, this.size - di);
		System.arraycopy(this.nodes, pi, this.nodes, pi + 1, di - pi);
		this.nodes[pi] = 2 * request;
		this.nodes[di + 1] = 2 * request + 1;
		this.size += 2;
		refresh();
	}

	/** Removes both stops of a request served by this tour. */
	void remove(int request) {
		int w = 0;
		for (int k = 0; k < this.size; k++) {
			int node = this.nodes[k];
			if ((node >> 1) != request) {
				this.nodes[w++] = node;
			}
		}
		this.size = w;
		refresh();
	}

	/** Distance saved by taking a request out of this tour. */
	double removalSaving(int request) {
		double[][] d = this.in.distance;
		int pPos = -1;
		int dPos = -1;
		for (int k = 0; k < this.size; k++) {
			if (this.nodes[k] == 2 * request) {
				pPos = k + 1;
			}
			else if (this.nodes[k] == 2 * request + 1) {
				dPos = k + 1;
			}
		}
		if (dPos == pPos + 1) {
			return d[loc(pPos - 1)][loc(pPos)] + d[loc(pPos)][loc(dPos)] + d[loc(dPos)][loc(dPos + 1)]
					- d[loc(pPos - 1)][loc(dPos + 1)];
		}
		return d[loc(pPos - 1)][loc(pPos)] + d[loc(pPos)][loc(pPos + 1)] - d[loc(pPos - 1)][loc(pPos + 1)]
				+ d[loc(dPos - 1)][loc(dPos)] + d[loc(dPos)][loc(dPos + 1)] - d[loc(dPos - 1)][loc(dPos + 1)];
	}

	/** Positions found by {@link Tour#bestInsertion}. */
	static final class Insertion {

		int pickupPos;

		int deliveryPos;

	}

}
