package org.lunchrush.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.lunchrush.ordering.OrderChecks.OrderSummary;
import org.lunchrush.payment.PaymentChecks.OrderMoney;

/**
 * The settlement's definitions of money, in one place for the operators' daily settlement
 * and the merchant's report alike: an order that will be (or was) delivered counts in
 * sales with what its student paid, and its coupon is owed to the merchant; any order's
 * charges and refunds count as the ledger holds them; an order whose money does not match
 * its status is a discrepancy.
 */
final class SettlementTally {

	/** The statuses of an order that will be (or was) delivered: its money stays. */
	static final Set<String> DELIVERABLE = Set.of("PAID", "ACCEPTED", "READY", "PICKED_UP", "DELIVERED");

	private static final int EXAMPLES = 50;

	private int orders;

	private int deliverable;

	private long sales;

	private long coupons;

	private long charged;

	private long refunded;

	private int discrepancyCount;

	private final List<SettlementReport.Discrepancy> discrepancies = new ArrayList<>();

	static boolean deliverable(OrderSummary order) {
		return DELIVERABLE.contains(order.status());
	}

	void add(OrderSummary order, OrderMoney money) {
		this.orders++;
		this.charged += money.chargedCents();
		this.refunded += money.refundedCents();
		boolean willBeDelivered = deliverable(order);
		long expected = willBeDelivered ? order.totalCents() : 0;
		if (willBeDelivered) {
			this.deliverable++;
			this.sales += order.totalCents();
			this.coupons += order.discountCents();
		}
		if (money.netCents() != expected) {
			this.discrepancyCount++;
			if (this.discrepancies.size() < EXAMPLES) {
				this.discrepancies.add(new SettlementReport.Discrepancy(Long.toString(order.orderId()), order.status(),
						order.totalCents(), money.netCents(), reason(order, money, expected)));
			}
		}
	}

	private static String reason(OrderSummary order, OrderMoney money, long expected) {
		if (money.netCents() > expected) {
			return (expected == 0) ? "money kept for an order that will not be delivered (refund pending?)"
					: "charged more than the order's total";
		}
		return (money.charges() == 0) ? "order paid without a charge in the ledger"
				: "refunded although the order is still to be delivered";
	}

	boolean balanced() {
		return this.discrepancyCount == 0;
	}

	List<SettlementReport.Discrepancy> discrepancies() {
		return this.discrepancies;
	}

	SettlementReport.Totals totals() {
		return new SettlementReport.Totals(this.orders, this.deliverable, this.sales, this.coupons, this.charged,
				this.refunded, this.charged - this.refunded, this.discrepancyCount);
	}

}
