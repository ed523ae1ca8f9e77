package org.lunchrush.ops;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderChecks.OrderSummary;
import org.lunchrush.ordering.OrderReports;
import org.lunchrush.payment.PaymentChecks;
import org.lunchrush.payment.PaymentChecks.OrderMoney;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MerchantReportsTest {

	private static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");

	private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

	@Test
	void lunchSlotsRunFromHalfPastTenToHalfPastOneAndCountDeliverableOrdersOnly() {
		MerchantReport report = report(List.of(order(1, "DELIVERED", 1000, DAY, "10:29:59"),
				order(2, "PAID", 1000, DAY, "10:30"), order(3, "ACCEPTED", 1000, DAY, "13:29:59"),
				order(4, "READY", 1000, DAY, "13:30"), order(5, "CANCELLED", 1000, DAY, "11:00"),
				order(6, "DELIVERED", 1000, DAY.plusDays(1), "10:39:59")));

		assertThat(report.lunchSlots()).hasSize(18);
		Map<String, Integer> slots = report.lunchSlots()
			.stream()
			.collect(Collectors.toMap(MerchantReport.LunchSlot::slot, MerchantReport.LunchSlot::orders));
		assertThat(slots).containsEntry("10:30", 2).containsEntry("13:20", 1).containsEntry("11:00", 0);
		assertThat(slots.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
	}

	@Test
	void everyDayOfTheRangeIsListedWithItsTurnoverAndAverageTicketRoundedHalfUp() {
		MerchantReport report = report(List.of(order(1, "DELIVERED", 1001, DAY, "12:00"),
				order(2, "PICKED_UP", 1000, DAY, "12:05"), order(3, "REFUNDED", 5000, DAY, "12:10")));

		assertThat(report.days()).containsExactly(new MerchantReport.Day(DAY, 2, 2001, 1001),
				new MerchantReport.Day(DAY.plusDays(1), 0, 0, 0), new MerchantReport.Day(DAY.plusDays(2), 0, 0, 0));
		assertThat(report.settlement().orders()).isEqualTo(3);
		assertThat(report.settlement().salesCents()).isEqualTo(2001);
	}

	@Test
	void refusesAReversedOrTooLongRange() {
		MerchantReports reports = reports(List.of());

		assertThatIllegalArgumentException().isThrownBy(() -> reports.of(7, DAY, DAY.minusDays(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> reports.of(7, DAY, DAY.plusDays(62)));
		assertThat(reports.of(7, DAY, DAY.plusDays(61)).days()).hasSize(62);
	}

	private static OrderReports.DatedOrder order(long id, String status, int totalCents, LocalDate day,
			String placedAt) {
		return new OrderReports.DatedOrder(new OrderSummary(id, 7, status, totalCents, 0), day,
				day.atTime(LocalTime.parse(placedAt)).atZone(CAMPUS).toInstant());
	}

	private static MerchantReport report(List<OrderReports.DatedOrder> orders) {
		return reports(orders).of(7, DAY, DAY.plusDays(2));
	}

	private static MerchantReports reports(List<OrderReports.DatedOrder> orders) {
		OrderReports orderReports = new OrderReports() {

			@Override
			public List<DatedOrder> ofMerchant(long merchantId, LocalDate firstDay, LocalDate lastDay) {
				return orders;
			}

			@Override
			public List<ItemSold> itemsSold(long merchantId, LocalDate firstDay, LocalDate lastDay,
					Collection<String> statuses) {
				return List.of();
			}

			@Override
			public Map<Integer, Integer> starsGiven(long merchantId, Instant from, Instant until) {
				return Map.of();
			}

		};
		PaymentChecks payments = new PaymentChecks() {

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
				return Map.of();
			}

		};
		return new MerchantReports(orderReports, payments, new CampusTime(Clock.systemUTC(), CAMPUS));
	}

}
