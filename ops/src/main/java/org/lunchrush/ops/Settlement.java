package org.lunchrush.ops;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.lunchrush.catalog.Catalog;
import org.lunchrush.catalog.MerchantSnapshot;
import org.lunchrush.ordering.OrderChecks;
import org.lunchrush.ordering.OrderChecks.OrderSummary;
import org.lunchrush.payment.PaymentChecks;
import org.lunchrush.payment.PaymentChecks.OrderMoney;

import org.springframework.stereotype.Service;

/**
 * Builds the daily settlement report: the orders of a campus day from ordering, their
 * money from the payment ledger, matched order by order. An order that will be delivered
 * must have exactly its total charged and kept; any other order must have kept nothing.
 */
@Service
public class Settlement {

	private static final Set<String> DELIVERABLE = Set.of("PAID", "ACCEPTED", "READY", "PICKED_UP", "DELIVERED");

	private static final int EXAMPLES = 50;

	private final OrderChecks orders;

	private final PaymentChecks payments;

	private final Catalog catalog;

	Settlement(OrderChecks orders, PaymentChecks payments, Catalog catalog) {
		this.orders = orders;
		this.payments = payments;
		this.catalog = catalog;
	}

	public SettlementReport of(LocalDate day) {
		List<OrderSummary> placed = this.orders.ofDay(day);
		Map<Long, OrderMoney> money = this.payments
			.moneyOf(placed.stream().map(OrderSummary::orderId).collect(Collectors.toSet()));
		Map<Long, List<OrderSummary>> byMerchant = placed.stream()
			.collect(Collectors.groupingBy(OrderSummary::merchantId, TreeMap::new, Collectors.toList()));
		List<SettlementReport.Merchant> merchants = new ArrayList<>();
		Tally all = new Tally();
		byMerchant.forEach((merchantId, merchantOrders) -> {
			Tally tally = new Tally();
			merchantOrders.forEach((order) -> {
				OrderMoney moved = money.getOrDefault(order.orderId(), new OrderMoney(order.orderId(), 0, 0, 0, 0));
				tally.add(order, moved);
				all.add(order, moved);
			});
			String name = this.catalog.merchant(merchantId).map(MerchantSnapshot::name).orElse("#" + merchantId);
			merchants.add(new SettlementReport.Merchant(merchantId, name, tally.totals(), tally.discrepancies));
		});
		return new SettlementReport(day, all.discrepancyCount == 0, all.totals(), merchants);
	}

	private static final class Tally {

		private int orders;

		private int deliverable;

		private long sales;

		private long coupons;

		private long charged;

		private long refunded;

		private int discrepancyCount;

		private final List<SettlementReport.Discrepancy> discrepancies = new ArrayList<>();

		void add(OrderSummary order, OrderMoney money) {
			this.orders++;
			this.charged += money.chargedCents();
			this.refunded += money.refundedCents();
			boolean willBeDelivered = DELIVERABLE.contains(order.status());
			long expected = willBeDelivered ? order.totalCents() : 0;
			if (willBeDelivered) {
				this.deliverable++;
				this.sales += order.totalCents();
				this.coupons += order.discountCents();
			}
			if (money.netCents() != expected) {
				this.discrepancyCount++;
				if (this.discrepancies.size() < EXAMPLES) {
					this.discrepancies.add(new SettlementReport.Discrepancy(Long.toString(order.orderId()),
							order.status(), order.totalCents(), money.netCents(), reason(order, money, expected)));
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

		SettlementReport.Totals totals() {
			return new SettlementReport.Totals(this.orders, this.deliverable, this.sales, this.coupons, this.charged,
					this.refunded, this.charged - this.refunded, this.discrepancyCount);
		}

	}

}
