package org.lunchrush.ops;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One stall's business over a range of campus days: day by day, its best sellers, its
 * lunch peak, its ratings and its money. Orders count as the settlement counts them:
 * those delivered or still to be delivered (paid, accepted, ready, picked up), each on
 * the campus day its stock belongs to.
 *
 * @param from the first day, included
 * @param to the last day, included
 * @param days every day of the range, oldest first, days without orders included
 * @param topItems the ten items sold in the largest quantities, most first
 * @param lunchSlots the ten-minute slots from 10:30 to 13:30 (campus time), with the
 * orders placed in each over the whole range
 */
public record MerchantReport(LocalDate from, LocalDate to, List<Day> days, List<TopItem> topItems,
		List<LunchSlot> lunchSlots, Ratings ratings, Money settlement) {

	/**
	 * @param orders orders delivered or to be delivered
	 * @param turnoverCents what their students paid (the settlement's sales)
	 * @param averageTicketCents turnover per order, rounded half up; 0 without orders
	 */
	public record Day(LocalDate day, int orders, long turnoverCents, long averageTicketCents) {
	}

	/**
	 * @param turnoverCents price times quantity on those orders, before coupons (a coupon
	 * takes money off an order, not off an item)
	 */
	public record TopItem(long itemId, String name, int quantity, long turnoverCents) {
	}

	/**
	 * @param slot the slot's start, {@code HH:MM}; it lasts ten minutes
	 */
	public record LunchSlot(String slot, int orders) {
	}

	/**
	 * The ratings given during the range.
	 *
	 * @param average to one decimal, {@code null} without ratings
	 * @param byStars how many ratings had each number of stars, {@code "1"} to
	 * {@code "5"}, zeros included
	 */
	public record Ratings(BigDecimal average, int count, Map<String, Integer> byStars) {
	}

	/**
	 * The settlement over the range, with the operators' settlement's definitions.
	 *
	 * @param orders every order of the range, whatever became of it (the settlement's
	 * {@code orders})
	 * @param deliverableOrders those delivered or to be delivered
	 * @param salesCents what the students of those paid
	 * @param couponCents what coupons took off those, owed to the merchant by the
	 * platform
	 * @param chargedCents what the provider charged for the range's orders
	 * @param refundedCents what it gave back
	 * @param netCents charged minus refunded; equals {@code salesCents} when every
	 * order's money matches its status
	 */
	public record Money(int orders, int deliverableOrders, long salesCents, long couponCents, long chargedCents,
			long refundedCents, long netCents) {
	}

}
