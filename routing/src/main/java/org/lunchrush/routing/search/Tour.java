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
 * weighted lateness and completion and prefix sums of the waits, so that the exact change
 * in time cost of pushing the later stops is found without walking them (see
 * {@link #tailDelta}).
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

	/*
	 * Kept only when the instance is timed. Pushing the service start at a position later
	 * by p pushes a later stop k by max(0, p - (waits between them)): waiting absorbs the
	 * push. With W the running sum of waits, the stops still pushed are a run up to the
	 * last k with W[k] < p + W[pos], and each is pushed by p + W[pos] - W[k]; prefix sums
	 * of W over the deliveries and over the stops already late then price the push in
	 * O(log n).
	 */

	/** Service time at a position plus the travel time to the next one. */
	double[] leg;

	/** Sum of the waits for a window to open, at positions 1 to pos. */
	double[] waitSum;

	/** Deliveries at positions 1 to pos, each counted by its weight. */
	int[] deliveries;

	/**
	 * Sum of {@link #waitSum} times the weight over the deliveries at positions 1 to pos.
	 */
	double[] deliveryWaitSum;

	/** Stops at or past their due time, at positions 1 to pos, each by its weight. */
	int[] late;

	/**
	 * Sum of {@link #waitSum} times the weight over the late stops at positions 1 to pos.
	 */
	double[] lateWaitSum;

	/**
	 * Smallest {@code waitSum + time to spare before the due time} over the stops still
	 * on time at positions pos to the last: a push reaching no further than this makes no
	 * stop late.
	 */
	double[] onTimeReach;

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
		if (other.leg != null) {
			this.leg = other.leg.clone();
			this.waitSum = other.waitSum.clone();
			this.deliveries = other.deliveries.clone();
			this.deliveryWaitSum = other.deliveryWaitSum.clone();
			this.late = other.late.clone();
			this.lateWaitSum = other.lateWaitSum.clone();
			this.onTimeReach = other.onTimeReach.clone();
		}
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
		if (this.in.timed) {
			this.leg = new double[capacity + 2];
			this.waitSum = new double[capacity + 2];
			this.deliveries = new int[capacity + 2];
			this.deliveryWaitSum = new double[capacity + 2];
			this.late = new int[capacity + 2];
			this.lateWaitSum = new double[capacity + 2];
			this.onTimeReach = new double[capacity + 2];
		}
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
			refreshTimeCosts();
		}
	}

	private void refreshTimeCosts() {
		double[][] t = this.in.time;
		double cost = 0;
		this.leg[0] = t[loc(0)][loc(1)];
		for (int pos = 1; pos <= this.size; pos++) {
			int node = this.nodes[pos - 1];
			this.leg[pos] = service(pos) + t[loc(pos)][loc(pos + 1)];
			double s = this.start[pos];
			cost += stopCost(node, s);
			// rounding can leave a wait of -1e-15 where there is none
			double wait = Math.max(0, s - (this.start[pos - 1] + this.leg[pos - 1]));
			double w = this.waitSum[pos - 1] + wait;
			this.waitSum[pos] = w;
			int weight = this.in.weight[node];
			int delivery = (node & 1) * weight;
			this.deliveries[pos] = this.deliveries[pos - 1] + delivery;
			this.deliveryWaitSum[pos] = this.deliveryWaitSum[pos - 1] + delivery * w;
			int lateNow = (s >= this.in.due[node]) ? weight : 0;
			this.late[pos] = this.late[pos - 1] + lateNow;
			this.lateWaitSum[pos] = this.lateWaitSum[pos - 1] + lateNow * w;
		}
		this.timeCost = cost;
		double reach = Double.POSITIVE_INFINITY;
		for (int pos = this.size; pos >= 1; pos--) {
			int node = this.nodes[pos - 1];
			double spare = this.in.due[node] - this.start[pos];
			if (spare > 0) {
				reach = Math.min(reach, this.waitSum[pos] + spare);
			}
			this.onTimeReach[pos] = reach;
		}
	}

	/** Weighted lateness and completion of serving {@code node} at {@code s}. */
	private double stopCost(int node, double s) {
		double cost = this.in.latenessWeight * Math.max(0, s - this.in.due[node]);
		if ((node & 1) == 1) {
			cost += this.in.completionWeight * (s - this.in.shiftStart[this.vehicle]);
		}
		return this.in.weight[node] * cost;
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
		// With the triangle inequality, detours and pushes are never negative: the
		// cost so far (the pickup's added distance, the time cost of the pickup and
		// of the stops it pushed, and the delivery's own cost were it served as early
		// as it could be) only grows, so a position that cannot beat the best is
		// given up at once.
		boolean triangle = in.triangle;
		double best = Double.POSITIVE_INFINITY;
		// from the end backwards: late positions push few stops, so a good insertion is
		// found early and bounds the time cost evaluation of the rest
		for (int i = this.size + 1; i >= 1; i--) {
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
			if (triangle && addP + pushed + stopCost(dNode, sD) >= best) {
				// every way of placing the delivery from here costs at least this much
				continue;
			}
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
				if (triangle && addP + pushed + stopCost(dNode, s) >= best) {
					// and only grows as the delivery moves further back
					break;
				}
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
	 * arrives at {@code pos} at {@code arrival}.
	 * <p>
	 * A push later by {@code p} reaches the stops up to the last one whose
	 * {@link #waitSum} is below {@code r = p + waitSum[pos]} (found by binary search: the
	 * forward pass, stopped where the push is absorbed), and pushes each by
	 * {@code r - waitSum}. Deliveries and stops already late cost their weight times
	 * that, summed from the prefix sums; a stop still on time costs the lateness weight
	 * times what the push exceeds its time to spare, and those are walked only when
	 * {@link #onTimeReach} says one may become late. When that walk brings the change to
	 * {@code budget} the caller would not take the insertion, and infinity is returned. A
	 * push earlier, possible only when travel times break the triangle inequality, is
	 * replayed stop by stop.
	 */
	private double tailDelta(int pos, double arrival, double budget) {
		if (pos > this.size) {
			return 0;
		}
		double s = Math.max(arrival, this.in.earliest[this.nodes[pos - 1]]);
		double push = s - this.start[pos];
		if (push <= EPS) {
			return (push >= -EPS) ? 0 : replayEarlier(pos, s);
		}
		if (budget <= 0) {
			return Double.POSITIVE_INFINITY;
		}
		double[] w = this.waitSum;
		double reach = push + w[pos];
		// last position the push still reaches
		int lo = pos;
		int hi = this.size;
		while (lo < hi) {
			int mid = (lo + hi + 1) >>> 1;
			if (w[mid] < reach - EPS) {
				lo = mid;
			}
			else {
				hi = mid - 1;
			}
		}
		int last = lo;
		double lw = this.in.latenessWeight;
		double delta = this.in.completionWeight * (reach * (this.deliveries[last] - this.deliveries[pos - 1])
				- (this.deliveryWaitSum[last] - this.deliveryWaitSum[pos - 1]));
		if (lw == 0) {
			return delta;
		}
		delta += lw * (reach * (this.late[last] - this.late[pos - 1])
				- (this.lateWaitSum[last] - this.lateWaitSum[pos - 1]));
		if (reach <= this.onTimeReach[pos]) {
			return delta;
		}
		if (delta >= budget) {
			return Double.POSITIVE_INFINITY;
		}
		double[] due = this.in.due;
		for (int k = pos; k <= last; k++) {
			int node = this.nodes[k - 1];
			double spare = due[node] - this.start[k];
			double over = reach - w[k] - spare;
			if (spare > 0 && over > 0) {
				delta += lw * this.in.weight[node] * over;
			}
		}
		return delta;
	}

	/**
	 * The change in time cost when the stop at {@code pos} now starts at {@code s},
	 * earlier than before, replaying the later stops until one starts as before.
	 */
	private double replayEarlier(int pos, double s) {
		double delta = 0;
		for (int k = pos;; k++) {
			double old = this.start[k];
			if (Math.abs(s - old) <= EPS) {
				return delta;
			}
			int node = this.nodes[k - 1];
			delta += stopCost(node, s) - stopCost(node, old);
			if (k == this.size) {
				return delta;
			}
			s = Math.max(s + this.leg[k], this.in.earliest[this.nodes[k]]);
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
