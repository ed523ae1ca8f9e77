package org.lunchrush.campussim;

import java.util.List;

/**
 * A run that does not deliver every order in time: what is stuck, and where.
 */
final class SimulationStuck extends RuntimeException {

	private final List<String> stuck;

	SimulationStuck(String message, List<String> stuck) {
		super(message);
		this.stuck = List.copyOf(stuck);
	}

	/** The first orders not delivered, one line each. */
	List<String> stuck() {
		return this.stuck;
	}

}
