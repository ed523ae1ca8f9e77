package org.lunchrush.routing.search;

import java.util.Arrays;

/**
 * One vehicle's route during the search, kept feasible at all times. Position 0 is the
 * vehicle's start, positions {@code 1..size} its stops, position {@code size + 1} its
 * end. The schedule is cached so that an insertion is checked without replaying the
 * route: the earliest service start at each position, the latest start that keeps the
 * rest of the route on time, and the load on board when leaving.
 * <p>
 * When the objective weighs time ({@link Instance#timed}), the tour also keeps its
 * lateness and completion cost and, per position, the time from starting service there to
 * arriving at the next stop; an insertion's time cost is then found by pushing the later
 * stops forward one by one until the push is absorbed by waiting.
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

	/**
	 * Lateness and completion cost of the stops, weighted; 0 unless the instance is
	 * timed.
	 */
	double timeCost;

	/**
	 * Service time at a position plus the travel time to the next one; kept only when the
	 * instance is timed.
	 */
	double[] leg;

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
		this.timeCost = other.timeCost;
		this.leg = (other.leg != null) ? other.leg.clone() : null;
	}

	Tour copy() {
		return new Tour(this);
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	/** What the tour adds to the objective: distance plus weighted time costs. */
	double cost() {
		return this.distance + this.timeCost;
	}

	private void allocate(int capacity) {
		this.start = new double[capacity + 2];
		this.latestStart = new double[capacity + 2];
		this.loadAfter = new int[capacity + 2];
		this.leg = this.in.timed ? new double[capacity + 2] : null;
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
		if (this.in.timed) {
			double cost = 0;
			for (int pos = 0; pos <= this.size; pos++) {
				this.leg[pos] = service(pos) + t[loc(pos)][loc(pos + 1)];
				if (pos > 0) {
					cost += stopCost(this.nodes[pos - 1], this.start[pos]);
				}
			}
			this.timeCost = cost;
		}
	}

	/** Weighted lateness and completion of serving {@code node} at {@code s}. */
	private double stopCost(int node, double s) {
		double cost = this.in.latenessWeight * Math.max(0, s - this.in.due[node]);
		if ((node & 1) == 1) {
			cost += this.in.completionWeight * (s - this.in.shiftStart[this.vehicle]);
		}
		return cost;
	}

	/**
	 * The first position whose service starts after its window, whose load exceeds the
	 * capacity, or (the end) that is reached after the shift; 0 when the tour is
	 * feasible. The cached schedule must be fresh.
	 */
	int firstViolation() {
		int cap = this.in.capacity[this.vehicle];
		for (int pos = 1; pos <= this.size + 1; pos++) {
			if (this.start[pos] > latest(pos) + EPS || this.loadAfter[pos] > cap) {
				return pos;
			}
		}
		return 0;
	}

	/** Replaces the stops by the given nodes, in order. */
	void setNodes(int[] sequence, int count) {
		if (this.nodes.length < count) {
			this.nodes = new int[count];
		}
		System.arraycopy(sequence, 0, this.nodes, 0, count);
		this.size = count;
		refresh();
	}

	/**
	 * Finds the cheapest feasible way to insert a request, writing it to {@code out}.
	 * @return the added distance, or {@link Double#POSITIVE_INFINITY} when it does not
	 * fit
	 */
	double bestInsertion(int request, Insertion out) {
		int pin = this.in.pin[request];
		if (pin >= 0 && pin != this.vehicle) {
			return Double.POSITIVE_INFINITY;
		}
		if (this.in.timed) {
			return bestTimedInsertion(request, out);
		}
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
	 * {@link #bestInsertion} when time costs: the added distance, plus the inserted
	 * stops' own lateness and completion, plus the change at every later stop. The stops
	 * between pickup and delivery are pushed on the same sweep that checks them; the
	 * stops after the delivery by {@link #tailDelta}, which is only run for a position
	 * whose cost so far can still beat the best found.
	 */
	private double bestTimedInsertion(int request, Insertion out) {
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
			// the pickup's own cost, then that of the stops it pushes until the delivery
			double pushed = stopCost(p, sP);
			// delivery right after the pickup
			double sD = Math.max(sP + in.service[p] + t[pLoc][dLoc], in.earliest[dNode]);
			double next = sD + in.service[dNode] + t[dLoc][iLoc];
			if (sD <= in.latest[dNode] + EPS && next <= this.latestStart[i] + EPS) {
				double cost = d[prevLoc][pLoc] + d[pLoc][dLoc] + d[dLoc][iLoc] - d[prevLoc][iLoc] + pushed
						+ stopCost(dNode, sD);
				cost += tailDelta(i, next, best - cost);
				if (cost < best) {
					best = cost;
					out.pickupPos = i;
					out.deliveryPos = i;
				}
			}
			double cur = sP;
			int curLoc = pLoc;
			double curService = in.service[p];
			for (int pos = i; pos <= this.size; pos++) {
				if (this.loadAfter[pos] + demand > cap) {
					break;
				}
				int posLoc = loc(pos);
				int node = this.nodes[pos - 1];
				double s = Math.max(cur + curService + t[curLoc][posLoc], in.earliest[node]);
				if (s > in.latest[node] + EPS) {
					break;
				}
				pushed += stopCost(node, s) - stopCost(node, this.start[pos]);
				int nextLoc = loc(pos + 1);
				double sD2 = Math.max(s + service(pos) + t[posLoc][dLoc], in.earliest[dNode]);
				double next2 = sD2 + in.service[dNode] + t[dLoc][nextLoc];
				if (sD2 <= in.latest[dNode] + EPS && next2 <= this.latestStart[pos + 1] + EPS) {
					double cost = addP + d[posLoc][dLoc] + d[dLoc][nextLoc] - d[posLoc][nextLoc] + pushed
							+ stopCost(dNode, sD2);
					cost += tailDelta(pos + 1, next2, best - cost);
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
	 * The change in time cost of the stops from {@code pos} on when the vehicle now
	 * arrives at {@code pos} at {@code arrival}. Walks forward until the new start equals
	 * the cached one (the push was absorbed by waiting, so nothing later moves). When the
	 * stops only move later, each step adds a non-negative amount, so the walk also stops
	 * once {@code budget} is used up: the caller will not take that insertion anyway.
	 */
	private double tailDelta(int pos, double arrival, double budget) {
		if (pos > this.size) {
			return 0;
		}
		int[] nodes = this.nodes;
		double[] earliest = this.in.earliest;
		double s = Math.max(arrival, earliest[nodes[pos - 1]]);
		boolean later = s >= this.start[pos];
		if (later && budget <= 0) {
			return Double.POSITIVE_INFINITY;
		}
		double delta = 0;
		for (int k = pos;; k++) {
			double old = this.start[k];
			double push = s - old;
			if (push <= EPS && push >= -EPS) {
				return delta;
			}
			int node = nodes[k - 1];
			delta += stopCost(node, s) - stopCost(node, old);
			if (k == this.size) {
				return delta;
			}
			if (later && delta >= budget) {
				return Double.POSITIVE_INFINITY;
			}
			s = Math.max(s + this.leg[k], earliest[nodes[k]]);
		}
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

	/**
	 * Cost saved by taking a request out of this tour: the distance exactly, and when
	 * time costs, the request's own lateness and completion (not what the later stops
	 * gain from being earlier, which would need a replay; this is a ranking for worst
	 * removal, not a cost the search relies on).
	 */
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
		double own = this.in.timed
				? stopCost(2 * request, this.start[pPos]) + stopCost(2 * request + 1, this.start[dPos]) : 0;
		if (dPos == pPos + 1) {
			return d[loc(pPos - 1)][loc(pPos)] + d[loc(pPos)][loc(dPos)] + d[loc(dPos)][loc(dPos + 1)]
					- d[loc(pPos - 1)][loc(dPos + 1)] + own;
		}
		return d[loc(pPos - 1)][loc(pPos)] + d[loc(pPos)][loc(pPos + 1)] - d[loc(pPos - 1)][loc(pPos + 1)]
				+ d[loc(dPos - 1)][loc(dPos)] + d[loc(dPos)][loc(dPos + 1)] - d[loc(dPos - 1)][loc(dPos + 1)] + own;
	}

	/** Positions found by {@link Tour#bestInsertion}. */
	static final class Insertion {

		int pickupPos;

		int deliveryPos;

	}

}
