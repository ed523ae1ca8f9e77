package org.lunchrush.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lunchrush.catalog.BuildingPosition;
import org.lunchrush.catalog.Catalog;
import org.lunchrush.catalog.MerchantSnapshot;
import org.lunchrush.ordering.OrderChecks;
import org.lunchrush.ordering.OrderChecks.OrderSummary;
import org.lunchrush.payment.PaymentChecks;
import org.lunchrush.payment.PaymentChecks.OrderMoney;

import static org.assertj.core.api.Assertions.assertThat;

class SettlementTest {

	private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

	@Test
	void paidOrdersChargedOnceAndCancelledOrdersRefundedBalance() {
		SettlementReport report = settle(
				List.of(new OrderSummary(1, 7, "DELIVERED", 1800, 300), new OrderSummary(2, 7, "REFUNDED", 900, 0),
						new OrderSummary(3, 7, "CANCELLED", 500, 200)),
				List.of(new OrderMoney(1, 1, 1800, 0, 0), new OrderMoney(2, 1, 900, 1, 900)));

		assertThat(report.balanced()).isTrue();
		// Only the delivered order's coupon is owed to the merchant; the cancelled
		// order's coupon went back to its student.
		assertThat(report.totals()).isEqualTo(new SettlementReport.Totals(3, 1, 1800, 300, 2700, 900, 1800, 0));
	}

	@Test
	void moneyKeptForACancelledOrderAndAPaidOrderWithoutChargeAreDiscrepancies() {
		SettlementReport report = settle(
				List.of(new OrderSummary(1, 7, "CANCELLED", 1800, 0), new OrderSummary(2, 8, "ACCEPTED", 900, 0),
						new OrderSummary(3, 8, "PAID", 700, 0)),
				List.of(new OrderMoney(1, 1, 1800, 0, 0), new OrderMoney(3, 2, 1400, 0, 0)));

		assertThat(report.balanced()).isFalse();
		assertThat(report.totals().discrepancies()).isEqualTo(3);
		Map<String, String> reasons = report.merchants()
			.stream()
			.flatMap((merchant) -> merchant.discrepancies().stream())
			.collect(Collectors.toMap(SettlementReport.Discrepancy::orderId, SettlementReport.Discrepancy::reason));
		assertThat(reasons.get("1")).contains("will not be delivered");
		assertThat(reasons.get("2")).contains("without a charge");
		assertThat(reasons.get("3")).contains("more than the order's total");
		assertThat(report.merchants()).extracting(SettlementReport.Merchant::merchantId).containsExactly(7L, 8L);
	}

	private static SettlementReport settle(List<OrderSummary> orders, List<OrderMoney> money) {
		OrderChecks orderChecks = new OrderChecks() {

			@Override
			public List<Long> stuckPastDeadline(Duration grace) {
				return List.of();
			}

			@Override
			public Map<Long, String> statuses(Collection<Long> orderIds) {
				return Map.of();
			}

			@Override
			public List<OrderSummary> ofDay(LocalDate day) {
				return day.equals(DAY) ? orders : List.of();
			}

			@Override
			public List<Long> cancelledSince(LocalDate firstDay) {
				return List.of();
			}

			@Override
			public Map<Long, Long> couponsOfCancelledOrders(LocalDate day) {
				return Map.of();
			}

		};
		PaymentChecks paymentChecks = new PaymentChecks() {

			@Override
			public List<KeptCharge> keptCharges(Collection<Long> orderIds) {
				return List.of();
			}

			@Override
			public List<KeptCharge> doubleCharges(Instant since) {
				return List.of();
			}

			@Override
			public Map<Long, OrderMoney> moneyOf(Collection<Long> orderIds) {
				return money.stream()
					.filter((entry) -> orderIds.contains(entry.orderId()))
					.collect(Collectors.toMap(OrderMoney::orderId, (entry) -> entry));
			}

		};
		Catalog noNames = new Catalog() {

			@Override
			public Optional<MerchantSnapshot> merchant(long merchantId) {
				return Optional.empty();
			}

			@Override
			public Map<Long, BuildingPosition> buildings() {
				return Map.of();
			}

		};
		return new Settlement(orderChecks, paymentChecks, noNames).of(DAY);
	}

}
