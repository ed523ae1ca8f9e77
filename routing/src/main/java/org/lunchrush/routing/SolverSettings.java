package org.lunchrush.routing;

import java.time.Duration;

/**
 * How long the solver may search, and the seed of its random choices (same seed, same
 * search order; the result can still differ with machine speed because the limit is
 * wall-clock time).
 *
 * @param timeLimit wall-clock time the search may take
 * @param seed seed of the random generator
 */
public record SolverSettings(Duration timeLimit, long seed) {

	public SolverSettings {
		if (timeLimit.isNegative() || timeLimit.isZero()) {
			throw new IllegalArgumentException("time limit must be positive: " + timeLimit);
		}
	}

	public static SolverSettings withTimeLimit(Duration timeLimit) {
		return new SolverSettings(timeLimit, 1L);
	}

}
