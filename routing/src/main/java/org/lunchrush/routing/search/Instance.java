package org.lunchrush.routing.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lunchrush.routing.Objective;
import org.lunchrush.routing.Request;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.TravelMatrix;
import org.lunchrush.routing.Vehicle;
import org.lunchrush.routing.Visit;

/**
 * The problem flattened into arrays for the search. Request {@code r} has its pickup at
 * node {@code 2r} and its delivery at node {@code 2r + 1}.
 * <p>
 * Vehicles with an open end get one extra location, {@link #nowhere}, as their end: it is
 * at distance and time 0 from everywhere, so a tour's return leg costs nothing and the
 * search needs no special case for it.
 */
final class Instance {

	final RoutingProblem problem;

	final int requests;

	final int[] location;

	final double[] earliest;

	final double[] latest;

	final double[] service;

	/** Soft deadline of each node's service start, +infinity for none. */
	final double[] due;

	/** Load change at a node: the demand at a pickup, minus the demand at a delivery. */
	final int[] load;

	/**
	 * How many times a node's lateness and completion count: its request's demand (a
	 * request carrying three orders is three orders late).
	 */
	final int[] weight;

	/** Vehicle index each request is pinned to, or -1 when any vehicle may serve it. */
	final int[] pin;

	/**
	 * Whether a request is already on board of its pinned vehicle: pinned, picked up at
	 * the vehicle's start, with a pickup window that closes when the vehicle starts.
	 */
	final boolean[] onBoard;

	final int vehicles;

	final int[] capacity;

	final int[] startLocation;

	final int[] endLocation;

	final double[] shiftStart;

	final double[] shiftEnd;

	/** Whether some request is pinned to the vehicle. */
	final boolean[] hasPinned;

	/** Whether any request is pinned. */
	final boolean anyPinned;

	/**
	 * Vehicles with the same capacity, depots and shift, and no pinned requests, share a
	 * profile.
	 */
	final int[] profile;

	final double[][] distance;

	final double[][] time;

	/** The end location of vehicles with an open end, or -1 when there are none. */
	final int nowhere;

	final double maxDistance;

	final double latenessWeight;

	final double completionWeight;

	/**
	 * Whether lateness or completion time can cost anything. When false, cost is distance
	 * alone and the tours skip the time-cost bookkeeping (the Li &amp; Lim fast path).
	 */
	final boolean timed;

	/** Cost of a banked request: more than any one insertion can cost. */
	final double bankPenalty;

	/**
	 * Whether distances and travel times between the locations in use satisfy the
	 * triangle inequality (checked up to {@link #TRIANGLE_CHECK_LIMIT} locations, assumed
	 * not beyond). Insertion uses it to give up early on positions that cannot win.
	 */
	final boolean triangle;

	/** Most locations in use for which {@link #triangle} is checked (cubic cost). */
	static final int TRIANGLE_CHECK_LIMIT = 200;

	Instance(RoutingProblem problem) {
		this.problem = problem;
		List<Request> rs = problem.requests();
		this.requests = rs.size();
		int nodes = 2 * this.requests;
		this.location = new int[nodes];
		this.earliest = new double[nodes];
		this.latest = new double[nodes];
		this.service = new double[nodes];
		this.due = new double[nodes];
		this.load = new int[nodes];
		this.weight = new int[nodes];
		for (int r = 0; r < this.requests; r++) {
			Request request = rs.get(r);
			set(2 * r, request.pickup(), request.demand());
			set(2 * r + 1, request.delivery(), -request.demand());
		}
		List<Vehicle> vs = problem.vehicles();
		this.vehicles = vs.size();
		Map<Integer, Integer> vehicleIndex = new HashMap<>();
		for (int v = 0; v < this.vehicles; v++) {
			vehicleIndex.put(vs.get(v).id(), v);
		}
		this.pin = new int[this.requests];
		this.onBoard = new boolean[this.requests];
		this.hasPinned = new boolean[this.vehicles];
		for (int r = 0; r < this.requests; r++) {
			Request request = rs.get(r);
			this.pin[r] = request.pinned() ? vehicleIndex.get(request.vehicle()) : -1;
			if (this.pin[r] >= 0) {
				Vehicle vehicle = vs.get(this.pin[r]);
				this.hasPinned[this.pin[r]] = true;
				this.onBoard[r] = request.pickup().location() == vehicle.startLocation()
						&& request.pickup().latest() <= vehicle.earliest();
			}
		}
		this.anyPinned = Arrays.stream(this.pin).anyMatch(v -> v >= 0);
		TravelMatrix matrix = problem.matrix();
		int size = matrix.size();
		boolean anyOpen = vs.stream().anyMatch(Vehicle::openEnd);
		this.nowhere = anyOpen ? size : -1;
		int locations = anyOpen ? size + 1 : size;
		this.capacity = new int[this.vehicles];
		this.startLocation = new int[this.vehicles];
		this.endLocation = new int[this.vehicles];
		this.shiftStart = new double[this.vehicles];
		this.shiftEnd = new double[this.vehicles];
		this.profile = new int[this.vehicles];
		for (int v = 0; v < this.vehicles; v++) {
			Vehicle vehicle = vs.get(v);
			this.capacity[v] = vehicle.capacity();
			this.startLocation[v] = vehicle.startLocation();
			this.endLocation[v] = vehicle.openEnd() ? this.nowhere : vehicle.endLocation();
			this.shiftStart[v] = vehicle.earliest();
			this.shiftEnd[v] = vehicle.latest();
			this.profile[v] = v;
			for (int w = 0; w < v && !this.hasPinned[v]; w++) {
				if (this.profile[w] == w && !this.hasPinned[w] && sameProfile(w, v)) {
					this.profile[v] = w;
					break;
				}
			}
		}
		this.distance = new double[locations][locations];
		this.time = new double[locations][locations];
		double max = 0;
		for (int i = 0; i < size; i++) {
			for (int j = 0; j < size; j++) {
				this.distance[i][j] = matrix.distance(i, j);
				this.time[i][j] = matrix.travelTime(i, j);
				max = Math.max(max, this.distance[i][j]);
			}
		}
		this.maxDistance = Math.max(max, 1e-9);
		Objective objective = problem.objective();
		boolean anyDue = Arrays.stream(this.due).anyMatch(d -> d != Double.POSITIVE_INFINITY);
		this.latenessWeight = anyDue ? objective.latenessWeight() : 0;
		this.completionWeight = objective.completionWeight();
		this.timed = this.latenessWeight > 0 || this.completionWeight > 0;
		this.bankPenalty = 4 * this.maxDistance + (this.timed ? timeCostBound() : 0);
		this.triangle = this.timed && satisfiesTriangleInequality();
	}

	private boolean satisfiesTriangleInequality() {
		boolean[] used = new boolean[this.distance.length];
		for (int loc : this.location) {
			used[loc] = true;
		}
		for (int loc : this.startLocation) {
			used[loc] = true;
		}
		for (int loc : this.endLocation) {
			used[loc] = true;
		}
		if (this.nowhere >= 0) {
			// only ever the last position, never a way through
			used[this.nowhere] = false;
		}
		int[] places = new int[used.length];
		int n = 0;
		for (int loc = 0; loc < used.length; loc++) {
			if (used[loc]) {
				places[n++] = loc;
			}
		}
		if (n > TRIANGLE_CHECK_LIMIT) {
			return false;
		}
		for (int a = 0; a < n; a++) {
			double[] da = this.distance[places[a]];
			double[] ta = this.time[places[a]];
			for (int b = 0; b < n; b++) {
				for (int c = 0; c < n; c++) {
					double[] dc = this.distance[places[c]];
					double[] tc = this.time[places[c]];
					int pb = places[b];
					int pc = places[c];
					if (da[pb] > da[pc] + dc[pb] + 1e-9 || ta[pb] > ta[pc] + tc[pb] + 1e-9) {
						return false;
					}
				}
			}
		}
		return true;
	}

	private void set(int node, Visit visit, int change) {
		this.location[node] = visit.location();
		this.earliest[node] = visit.earliest();
		this.latest[node] = visit.latest();
		this.service[node] = visit.serviceTime();
		this.due[node] = visit.due();
		this.load[node] = change;
		this.weight[node] = Math.abs(change);
	}

	private boolean sameProfile(int a, int b) {
		return this.capacity[a] == this.capacity[b] && this.startLocation[a] == this.startLocation[b]
				&& this.endLocation[a] == this.endLocation[b] && this.shiftStart[a] == this.shiftStart[b]
				&& this.shiftEnd[a] == this.shiftEnd[b];
	}

	/**
	 * An upper bound on how much lateness and completion cost one insertion can add, so
	 * that the bank penalty exceeds it and a servable request is always worth serving.
	 * <p>
	 * Inserting a pickup delays the next stop by at most its detour, or by the wait for
	 * its window to open, and the delivery again: {@code push <= 2 (e - s0) + 4 T + 2 S}
	 * with {@code e} the latest window opening, {@code s0} the earliest vehicle start,
	 * {@code T} the longest travel time and {@code S} the longest service. Every one of
	 * at most {@code 2n} later stops moves by at most that, and counts at most its weight
	 * (the sum of all weights bounds them together). No service start can be later than
	 * {@code H = max(e, shift starts) + 2n (T + S)}, which bounds the inserted request's
	 * own lateness and completion. Loose, but only its size relative to a real insertion
	 * matters.
	 */
	private double timeCostBound() {
		double firstStart = Double.POSITIVE_INFINITY;
		double lastOpening = Double.NEGATIVE_INFINITY;
		for (double s : this.shiftStart) {
			firstStart = Math.min(firstStart, s);
			lastOpening = Math.max(lastOpening, s);
		}
		double maxService = 0;
		double firstDue = Double.POSITIVE_INFINITY;
		long weights = 0;
		int maxWeight = 0;
		for (int node = 0; node < 2 * this.requests; node++) {
			weights += this.weight[node];
			maxWeight = Math.max(maxWeight, this.weight[node]);
			if (Double.isFinite(this.earliest[node])) {
				lastOpening = Math.max(lastOpening, this.earliest[node]);
			}
			maxService = Math.max(maxService, this.service[node]);
			firstDue = Math.min(firstDue, this.due[node]);
		}
		double maxTime = 0;
		for (double[] row : this.time) {
			for (double t : row) {
				maxTime = Math.max(maxTime, t);
			}
		}
		int stops = 2 * this.requests;
		double push = 2 * Math.max(0, lastOpening - firstStart) + 4 * maxTime + 2 * maxService;
		double horizon = lastOpening + stops * (maxTime + maxService);
		double ownLateness = Double.isFinite(firstDue) ? 2 * Math.max(0, horizon - firstDue) : 0;
		return this.latenessWeight * (weights * push + maxWeight * ownLateness)
				+ this.completionWeight * (weights * push + maxWeight * Math.max(0, horizon - firstStart)) + 1;
	}

}
