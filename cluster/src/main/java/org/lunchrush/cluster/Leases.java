package org.lunchrush.cluster;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Named leases for singleton work: whichever platform process takes a lease runs the
 * work; the others skip that turn. Scheduled work that every process schedules holds its
 * lease at least for most of its interval, so that one turn per interval runs across all
 * processes, not one per process. A lease is held until the work ends, or at most for
 * {@code atMostFor}, after which another process may take it even if the holder is still
 * running (it was paused, or is stuck): the {@link Fence} handed to the work keeps such a
 * holder from writing once another has taken over.
 */
public interface Leases {

	/**
	 * Runs {@code work} if this process can take the lease {@code name} now.
	 * @param name the lease, lower-case words and hyphens, at most 64 characters
	 * @param atLeastFor how long the lease stays taken even when the work ends sooner
	 * (for scheduled work: a little less than its interval)
	 * @param atMostFor how long the lease is held if the work never ends; longer than the
	 * work normally takes
	 * @param work what to run while holding the lease
	 * @return whether the work ran here (false: another process holds the lease)
	 */
	boolean runExclusively(String name, Duration atLeastFor, Duration atMostFor, Consumer<Fence> work);

	/**
	 * Runs {@code work} if this process can take the lease {@code name} now; the lease is
	 * free again as soon as the work ends.
	 * @see #runExclusively(String, Duration, Duration, Consumer)
	 */
	default boolean runExclusively(String name, Duration atMostFor, Consumer<Fence> work) {
		return runExclusively(name, Duration.ZERO, atMostFor, work);
	}

	/**
	 * The lease time of scheduled work run every {@code interval} by every process: at
	 * least nine tenths of the interval (one turn per interval across the processes), at
	 * most {@code atMostFor}.
	 */
	static Duration atLeastForInterval(Duration interval) {
		return interval.multipliedBy(9).dividedBy(10);
	}

}
