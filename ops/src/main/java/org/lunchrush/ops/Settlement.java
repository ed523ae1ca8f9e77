package org.lunchrush.ops;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
		SettlementTally all = new SettlementTally();
		byMerchant.forEach((merchantId, merchantOrders) -> {
			SettlementTally tally = new SettlementTally();
			merchantOrders.forEach((order) -> {
				OrderMoney moved = money.getOrDefault(order.orderId(), new OrderMoney(order.orderId(), 0, 0, 0, 0));
				tally.add(order, moved);
				all.add(order, moved);
			});
			String name = this.catalog.merchant(merchantId).map(MerchantSnapshot::name).orElse("#" + merchantId);
			merchants.add(new SettlementReport.Merchant(merchantId, name, tally.totals(), tally.discrepancies()));
		});
		return new SettlementReport(day, all.balanced(), all.totals(), merchants);
	}

}
