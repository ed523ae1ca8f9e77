package org.lunchrush.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds small problems on a straight line: location {@code i} sits at
 * {@code x = positions[i]}, so distances and travel times can be checked by hand.
 * Location 0 is the depot. Riders are vehicles with an open end, out on the line at time
 * {@link #OPEN}.
 */
final class LineProblems {

	static final double OPEN = 0;

	static final double CLOSE = 1000;

	private final double[] positions;

	private final List<Request> requests = new ArrayList<>();

	private final List<Vehicle> vehicles = new ArrayList<>();

	private Objective objective = Objective.FEWEST_VEHICLES_THEN_DISTANCE;

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

	/** A request only vehicle {@code vehicleId} may serve. */
	LineProblems pinned(int id, int from, int to, int vehicleId) {
		this.requests
			.add(new Request(id, new Visit(from, OPEN, CLOSE, 0), new Visit(to, OPEN, CLOSE, 0), 1, vehicleId));
		return this;
	}

	/** A load of 1 already in rider {@code vehicleId}'s bag, to be handed over. */
	LineProblems onBoard(int id, int vehicleId, Visit delivery) {
		Vehicle vehicle = this.vehicles.stream().filter(v -> v.id() == vehicleId).findFirst().orElseThrow();
		this.requests.add(Request.onBoard(id, vehicle, delivery, 1));
		return this;
	}

	/** A vehicle with an open end, at {@code location} now. */
	LineProblems rider(int id, int location, int capacity) {
		this.vehicles.add(Vehicle.openEnded(id, capacity, location, OPEN, CLOSE));
		return this;
	}

	LineProblems objective(Objective objective) {
		this.objective = objective;
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
				this.requests, this.vehicles, this.objective);
	}

	static Visit at(int location, double earliest, double latest, double service) {
		return new Visit(location, earliest, latest, service);
	}

	/** A visit open all day that should start by {@code due}. */
	static Visit due(int location, double due) {
		return new Visit(location, OPEN, CLOSE, 0, due);
	}

}
