package org.lunchrush.ordering;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the ordering module tells the invariant check and the settlement report.
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

	/**
	 * @return every order whose stock belongs to a campus day, for the settlement report
	 */
	List<OrderSummary> ofDay(LocalDate day);

	/**
	 * An order as the settlement report sees it.
	 */
	record OrderSummary(long orderId, long merchantId, String status, int totalCents) {
	}

}
