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
	 * @return the orders of the campus days from {@code firstDay} on that were cancelled
	 * (or refunded): no money may stay with them
	 */
	List<Long> cancelledSince(LocalDate firstDay);

	/**
	 * @return the status name of each order found
	 */
	Map<Long, String> statuses(Collection<Long> orderIds);

	/**
	 * @return every order whose stock belongs to a campus day, for the settlement report
	 */
	List<OrderSummary> ofDay(LocalDate day);

	/**
	 * @return the coupon of each order of a campus day that was cancelled (or refunded)
	 * and had one, by order id
	 */
	Map<Long, Long> couponsOfCancelledOrders(LocalDate day);

	/**
	 * An order as the settlement report sees it.
	 *
	 * @param totalCents what the student pays
	 * @param discountCents what the order's coupon took off, 0 without one
	 */
	record OrderSummary(long orderId, long merchantId, String status, int totalCents, int discountCents) {
	}

}
