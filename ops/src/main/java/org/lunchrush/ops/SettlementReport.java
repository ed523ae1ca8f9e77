package org.lunchrush.ops;

import java.time.LocalDate;
import java.util.List;

/**
 * One campus day of money per merchant, matched against the orders: what the merchant
 * sold, what the provider charged and refunded, and every order whose money does not add
 * up.
 *
 * @param balanced true when every order's money matches its status
 */
public record SettlementReport(LocalDate day, boolean balanced, Totals totals, List<Merchant> merchants) {

	/**
	 * @param salesCents the totals of the orders that will be (or were) delivered: what
	 * their students paid
	 * @param couponCents what coupons took off those orders: the platform issues coupons,
	 * so it owes the merchant this on top of {@code salesCents}
	 * @param netCents charged minus refunded; equals {@code salesCents} when balanced
	 */
	public record Totals(int orders, int deliverableOrders, long salesCents, long couponCents, long chargedCents,
			long refundedCents, long netCents, int discrepancies) {
	}

	public record Merchant(long merchantId, String name, Totals totals, List<Discrepancy> discrepancies) {
	}

	/**
	 * An order whose money does not match its status: paid but not charged, cancelled but
	 * not (yet) refunded, charged twice, and so on.
	 */
	public record Discrepancy(String orderId, String status, int totalCents, long netCents, String reason) {
	}

}
