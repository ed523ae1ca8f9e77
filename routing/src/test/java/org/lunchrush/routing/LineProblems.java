package org.lunchrush.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds small problems on a straight line: location {@code i} sits at
 * {@code x = positions[i]}, so distances and travel times can be checked by hand.
 * Location 0 is the depot.
 */
final class LineProblems {

	static final double OPEN = 0;

	static final double CLOSE = 1000;

	private final double[] positions;

	private final List<Request> requests = new ArrayList<>();

	private final List<Vehicle> vehicles = new ArrayList<>();

	private LineProblems(double... positions) {
		this.positions = positions;
	}

	static LineProblems line(double... positions) {
		return new LineProblems(positions);
	}

	LineProblems request(int id, int from, int to, int demand) {
		return request(id, new Visit(from, OPEN, CLOSE, 0), new Visit(to, OPEN, CLOSE, 0), demand);
	}

	LineProblems request(int id, Visit pickup, Visit delivery, int demand) {
		this.requests.add(new Request(id, pickup, delivery, demand));
		return this;
	}

	LineProblems vehicles(int count, int capacity) {
		for (int k = 0; k < count; k++) {
			this.vehicles.add(new Vehicle(this.vehicles.size() + 1, capacity, 0, 0, OPEN, CLOSE));
		}
		return this;
	}

	RoutingProblem build() {
		return new RoutingProblem(TravelMatrix.euclidean(this.positions, new double[this.positions.length], 1),
				this.requests, this.vehicles);
	}

	static Visit at(int location, double earliest, double latest, double service) {
		return new Visit(location, earliest, latest, service);
	}

}
