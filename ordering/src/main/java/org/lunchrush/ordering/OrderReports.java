package org.lunchrush.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lunchrush.ordering.OrderChecks.OrderSummary;

/**
 * What the ordering module tells a merchant's report: one stall's orders over a range of
 * campus days, what was sold, and what students thought of it. Which orders count (the
 * settlement's "delivered or deliverable") is the report's to say, so the statuses are
 * passed in.
 */
public interface OrderReports {

	/**
	 * @return every order of the merchant whose stock belongs to a campus day from
	 * {@code firstDay} to {@code lastDay} (both included), oldest first
	 */
	List<DatedOrder> ofMerchant(long merchantId, LocalDate firstDay, LocalDate lastDay);

	/**
	 * @return what the merchant's orders of those days in the given statuses sold, item
	 * by item (any order)
	 */
	List<ItemSold> itemsSold(long merchantId, LocalDate firstDay, LocalDate lastDay, Collection<String> statuses);

	/**
	 * @return how many ratings the merchant was given in {@code [from, until)} with each
	 * number of stars; a number of stars never given is left out
	 */
	Map<Integer, Integer> starsGiven(long merchantId, Instant from, Instant until);

	/**
	 * An order with the campus day it belongs to and the moment it was placed.
	 */
	record DatedOrder(OrderSummary summary, LocalDate day, Instant placedAt) {
	}

	/**
	 * @param name the item's name on the most recent of those orders
	 * @param turnoverCents the lines' price times quantity, before any coupon (a coupon
	 * applies to an order, not to an item)
	 */
	record ItemSold(long itemId, String name, int quantity, long turnoverCents) {
	}

}
