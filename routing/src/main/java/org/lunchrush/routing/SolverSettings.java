package org.lunchrush.routing;

import java.time.Duration;

/**
 * How long the solver may search, when it may stop sooner, and the seed of its random
 * choices (same seed, same search order; the result can still differ with machine speed
 * because the limit is wall-clock time).
 * <p>
 * The early stop exists for the dispatcher, which solves a round every few seconds: on a
 * small or easy round the search stops improving long before the time limit, and the
 * riders are better served by the plan now than by the same plan later.
 *
 * @param timeLimit wall-clock time the search may take
 * @param seed seed of the random generator
 * @param idleIterationLimit stop after this many consecutive search iterations that did
 * not improve the best plan; 0 searches until the time limit. With an objective that
 * minimises vehicles, each attempt at doing with one vehicle fewer and the final search
 * count separately.
 */
public record SolverSettings(Duration timeLimit, long seed, int idleIterationLimit) {

	public SolverSettings {
		if (timeLimit.isNegative() || timeLimit.isZero()) {
			throw new IllegalArgumentException("time limit must be positive: " + timeLimit);
		}
		if (idleIterationLimit < 0) {
			throw new IllegalArgumentException("idle iteration limit must not be negative: " + idleIterationLimit);
		}
	}

	/** Settings that search until the time limit. */
	public SolverSettings(Duration timeLimit, long seed) {
		this(timeLimit, seed, 0);
	}

	public static SolverSettings withTimeLimit(Duration timeLimit) {
		return new SolverSettings(timeLimit, 1L);
	}

	/**
	 * These settings, stopping after {@code iterations} consecutive iterations without a
	 * better plan.
	 * @param iterations idle iterations allowed, 0 to search until the time limit
	 * @return the new settings
	 */
	public SolverSettings withEarlyStop(int iterations) {
		return new SolverSettings(this.timeLimit, this.seed, iterations);
	}

	/** Whether the search may stop before the time limit. */
	public boolean stopsEarly() {
		return this.idleIterationLimit > 0;
	}

}
