package org.lunchrush.routing.search;

import java.util.List;

import org.lunchrush.routing.Request;
import org.lunchrush.routing.RoutingProblem;
import org.lunchrush.routing.TravelMatrix;
import org.lunchrush.routing.Vehicle;
import org.lunchrush.routing.Visit;

/**
 * The problem flattened into arrays for the search. Request {@code r} has its pickup at
 * node {@code 2r} and its delivery at node {@code 2r + 1}.
 */
final class Instance {

	final RoutingProblem problem;

	final int requests;

	final int[] location;

	final double[] earliest;

	final double[] latest;

	final double[] service;

	/** Load change at a node: the demand at a pickup, minus the demand at a delivery. */
	final int[] load;

	final int vehicles;

	final int[] capacity;

	final int[] startLocation;

	final int[] endLocation;

	final double[] shiftStart;

	final double[] shiftEnd;

	/** Vehicles with the same capacity, depots and shift share a profile. */
	final int[] profile;

	final double[][] distance;

	final double[][] time;

	final double maxDistance;

	Instance(RoutingProblem problem) {
		this.problem = problem;
		List<Request> rs = problem.requests();
		this.requests = rs.size();
		int nodes = 2 * this.requests;
		this.location = new int[nodes];
		this.earliest = new double[nodes];
		this.latest = new double[nodes];
		this.service = new double[nodes];
		this.load = new int[nodes];
		for (int r = 0; r < this.requests; r++) {
			Request request = rs.get(r);
			set(2 * r, request.pickup(), request.demand());
			set(2 * r + 1, request.delivery(), -request.demand());
		}
		List<Vehicle> vs = problem.vehicles();
		this.vehicles = vs.size();
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
			this.endLocation[v] = vehicle.endLocation();
			this.shiftStart[v] = vehicle.earliest();
			this.shiftEnd[v] = vehicle.latest();
			this.profile[v] = v;
			for (int w = 0; w < v; w++) {
				if (this.profile[w] == w && sameProfile(vs.get(w), vehicle)) {
					this.profile[v] = w;
					break;
				}
			}
		}
		TravelMatrix matrix = problem.matrix();
		int size = matrix.size();
		this.distance = new double[size][size];
		this.time = new double[size][size];
		double max = 0;
		for (int i = 0; i < size; i++) {
			for (int j = 0; j < size; j++) {
				this.distance[i][j] = matrix.distance(i, j);
				this.time[i][j] = matrix.travelTime(i, j);
				max = Math.max(max, this.distance[i][j]);
			}
		}
		this.maxDistance = Math.max(max, 1e-9);
	}

	private void set(int node, Visit visit, int change) {
		this.location[node] = visit.location();
		this.earliest[node] = visit.earliest();
		this.latest[node] = visit.latest();
		this.service[node] = visit.serviceTime();
		this.load[node] = change;
	}

	private static boolean sameProfile(Vehicle a, Vehicle b) {
		return a.capacity() == b.capacity() && a.startLocation() == b.startLocation()
				&& a.endLocation() == b.endLocation() && a.earliest() == b.earliest() && a.latest() == b.latest();
	}

}
