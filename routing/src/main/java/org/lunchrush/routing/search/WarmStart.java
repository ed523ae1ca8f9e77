package org.lunchrush.routing.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lunchrush.routing.InitialRoute;
import org.lunchrush.routing.Request;
import org.lunchrush.routing.StopKind;
import org.lunchrush.routing.StopRef;

/**
 * Turns the caller's {@link InitialRoute}s into a feasible plan: stops are kept in the
 * given order, and every request that cannot stay where it is goes to the bank (see
 * {@link InitialRoute} for the reasons).
 */
final class WarmStart {

	private WarmStart() {
	}

	static Plan build(Instance in, List<InitialRoute> routes) {
		Plan plan = new Plan(in);
		if (routes.isEmpty()) {
			return plan;
		}
		Map<Integer, Integer> requestIndex = new HashMap<>();
		List<Request> requests = in.problem.requests();
		for (int r = 0; r < requests.size(); r++) {
			requestIndex.put(requests.get(r).id(), r);
		}
		Map<Integer, Integer> vehicleIndex = new HashMap<>();
		for (int v = 0; v < in.vehicles; v++) {
			vehicleIndex.put(in.problem.vehicles().get(v).id(), v);
		}
		// how often each request is named over all routes, stop by stop; a request named
		// more than once per kind cannot be placed as given
		int[] pickups = new int[in.requests];
		int[] deliveries = new int[in.requests];
		for (InitialRoute route : routes) {
			for (StopRef stop : route.stops()) {
				Integer r = requestIndex.get(stop.requestId());
				if (r != null) {
					if (stop.kind() == StopKind.PICKUP) {
						pickups[r]++;
					}
					else {
						deliveries[r]++;
					}
				}
			}
		}
		boolean[] vehicleTaken = new boolean[in.vehicles];
		for (InitialRoute route : routes) {
			Integer v = vehicleIndex.get(route.vehicleId());
			if (v == null || vehicleTaken[v]) {
				continue;
			}
			vehicleTaken[v] = true;
			int[] sequence = sequence(in, v, route.stops(), requestIndex, pickups, deliveries);
			int count = sequence.length;
			Tour tour = new Tour(in, v);
			tour.setNodes(sequence, count);
			for (int bad = tour.firstViolation(); bad != 0 && !tour.isEmpty(); bad = tour.firstViolation()) {
				// the request of the first stop out of its window or over capacity
				// goes to the bank; when only the end is reached too late, the one
				// served last
				int node = (bad <= tour.size) ? tour.nodes[bad - 1] : tour.nodes[tour.size - 1];
				count = without(sequence, count, node >> 1);
				tour.setNodes(sequence, count);
			}
			if (!tour.isEmpty()) {
				int t = plan.tours.size();
				plan.tours.add(tour);
				plan.vehicleUsed[v] = true;
				for (int k = 0; k < tour.size; k++) {
					plan.tourOf[tour.nodes[k] >> 1] = t;
				}
			}
		}
		return plan;
	}

	/**
	 * The nodes of a route's stops that can be kept as far as order and identity go:
	 * known, named once, pickup before delivery, allowed on this vehicle. The pickup of
	 * an on-board request whose delivery alone is named goes first.
	 */
	private static int[] sequence(Instance in, int vehicle, List<StopRef> stops, Map<Integer, Integer> requestIndex,
			int[] pickups, int[] deliveries) {
		List<Integer> nodes = new ArrayList<>();
		List<Integer> boarded = new ArrayList<>();
		boolean[] picked = new boolean[in.requests];
		boolean[] rejected = new boolean[in.requests];
		for (StopRef stop : stops) {
			Integer boxed = requestIndex.get(stop.requestId());
			if (boxed == null) {
				continue;
			}
			int r = boxed;
			boolean implicitPickup = in.onBoard[r] && pickups[r] == 0;
			if (rejected[r] || (in.pin[r] >= 0 && in.pin[r] != vehicle) || deliveries[r] != 1
					|| (pickups[r] != 1 && !implicitPickup)) {
				rejected[r] = true;
				continue;
			}
			if (stop.kind() == StopKind.PICKUP) {
				picked[r] = true;
				nodes.add(2 * r);
			}
			else if (picked[r]) {
				nodes.add(2 * r + 1);
			}
			else if (implicitPickup) {
				boarded.add(2 * r);
				nodes.add(2 * r + 1);
			}
			else {
				// delivery before its pickup
				rejected[r] = true;
			}
		}
		int[] sequence = new int[boarded.size() + nodes.size()];
		int n = 0;
		for (int node : boarded) {
			sequence[n++] = node;
		}
		for (int node : nodes) {
			// a pickup stays only with its delivery in this route
			if (!rejected[node >> 1] && (((node & 1) == 1) || nodes.contains(node + 1))) {
				sequence[n++] = node;
			}
		}
		return Arrays.copyOf(sequence, n);
	}

	/** Removes both stops of a request from the first {@code count} nodes. */
	private static int without(int[] sequence, int count, int request) {
		int w = 0;
		for (int k = 0; k < count; k++) {
			if ((sequence[k] >> 1) != request) {
				sequence[w++] = sequence[k];
			}
		}
		return w;
	}

}
