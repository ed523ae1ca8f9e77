package org.lunchrush.ordering;

import java.time.Duration;
import java.util.List;

/**
 * What the ordering module tells the invariant check about orders on their way from the
 * {@code 202} to the database.
 */
public interface OrderStreamChecks {

	/**
	 * @return the orders answered {@code 202} more than {@code grace} ago that are
	 * neither persisted nor dead-lettered: a student sees them {@code PLACED} for good.
	 * Seen through intake's index of accepted orders by time, which keeps an order
	 * {@code lunchrush.ordering.placed-record-ttl} (1 h) and goes with a loss of Redis; a
	 * call takes the orders it finds settled out of it.
	 */
	List<Long> unsettled(Duration grace);

}
