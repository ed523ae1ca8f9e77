package org.lunchrush.ordering;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the ordering module tells the invariant check.
 */
public interface OrderChecks {

	/**
	 * @return orders still waiting for payment longer than {@code grace} after their
	 * deadline
	 */
	List<Long> stuckPastDeadline(Duration grace);

	/**
	 * @return the status name of each order found
	 */
	Map<Long, String> statuses(Collection<Long> orderIds);

}
