package org.lunchrush.ops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.lunchrush.catalog.MerchantRatings;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderReports;
import org.lunchrush.ordering.OrderReports.DatedOrder;
import org.lunchrush.payment.PaymentChecks;
import org.lunchrush.payment.PaymentChecks.OrderMoney;

import org.springframework.stereotype.Service;

/**
 * Builds a stall's report over a range of campus days from ordering's records and the
 * payment ledger, counting orders and money with the settlement's definitions
 * ({@link SettlementTally}), so the stall and the operators never see two truths.
 */
@Service
public class MerchantReports {

	/** The longest range a report covers, in days. */
	public static final int MAX_DAYS = 62;

	static final LocalTime LUNCH_FROM = LocalTime.of(10, 30);

	static final LocalTime LUNCH_UNTIL = LocalTime.of(13, 30);

	static final Duration SLOT = Duration.ofMinutes(10);

	private static final int TOP_ITEMS = 10;

	private final OrderReports orders;

	private final PaymentChecks payments;

	private final CampusTime time;

	MerchantReports(OrderReports orders, PaymentChecks payments, CampusTime time) {
		this.orders = orders;
		this.payments = payments;
		this.time = time;
	}

	/**
	 * @param from the first campus day, included
	 * @param to the last campus day, included, at most {@link #MAX_DAYS} days after
	 * {@code from} counting both
	 */
	public MerchantReport of(long merchantId, LocalDate from, LocalDate to) {
		if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new IllegalArgumentException("a report covers 1 to " + MAX_DAYS + " days");
		}
		List<DatedOrder> placed = this.orders.ofMerchant(merchantId, from, to);
		Map<Long, OrderMoney> money = this.payments
			.moneyOf(placed.stream().map((order) -> order.summary().orderId()).collect(Collectors.toSet()));
		SettlementTally settlement = new SettlementTally();
		Map<LocalDate, SettlementTally> byDay = new TreeMap<>();
		Map<LocalTime, Integer> bySlot = new TreeMap<>();
		for (DatedOrder order : placed) {
			long id = order.summary().orderId();
			OrderMoney moved = money.getOrDefault(id, new OrderMoney(id, 0, 0, 0, 0));
			settlement.add(order.summary(), moved);
			byDay.computeIfAbsent(order.day(), (day) -> new SettlementTally()).add(order.summary(), moved);
			if (SettlementTally.deliverable(order.summary())) {
				slotOf(order.placedAt()).ifPresent((slot) -> bySlot.merge(slot, 1, Integer::sum));
			}
		}
		return new MerchantReport(from, to, days(from, to, byDay), topItems(merchantId, from, to), slots(bySlot),
				ratings(merchantId, from, to), money(settlement.totals()));
	}

	private static List<MerchantReport.Day> days(LocalDate from, LocalDate to, Map<LocalDate, SettlementTally> byDay) {
		List<MerchantReport.Day> days = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			SettlementReport.Totals totals = byDay.getOrDefault(day, new SettlementTally()).totals();
			int count = totals.deliverableOrders();
			long average = (count == 0) ? 0
					: BigDecimal.valueOf(totals.salesCents())
						.divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP)
						.longValueExact();
			days.add(new MerchantReport.Day(day, count, totals.salesCents(), average));
		}
		return days;
	}

	private List<MerchantReport.TopItem> topItems(long merchantId, LocalDate from, LocalDate to) {
		return this.orders.itemsSold(merchantId, from, to, SettlementTally.DELIVERABLE)
			.stream()
			.sorted(Comparator.comparingInt(OrderReports.ItemSold::quantity)
				.thenComparingLong(OrderReports.ItemSold::turnoverCents)
				.reversed()
				.thenComparingLong(OrderReports.ItemSold::itemId))
			.limit(TOP_ITEMS)
			.map((item) -> new MerchantReport.TopItem(item.itemId(), item.name(), item.quantity(),
					item.turnoverCents()))
			.toList();
	}

	/** The lunch slot an order placed at this moment falls in, if any. */
	private Optional<LocalTime> slotOf(Instant placedAt) {
		LocalTime at = this.time.local(placedAt).toLocalTime();
		if (at.isBefore(LUNCH_FROM) || !at.isBefore(LUNCH_UNTIL)) {
			return Optional.empty();
		}
		long slots = Duration.between(LUNCH_FROM, at).toMinutes() / SLOT.toMinutes();
		return Optional.of(LUNCH_FROM.plusMinutes(slots * SLOT.toMinutes()));
	}

	private static List<MerchantReport.LunchSlot> slots(Map<LocalTime, Integer> bySlot) {
		List<MerchantReport.LunchSlot> slots = new ArrayList<>();
		for (LocalTime slot = LUNCH_FROM; slot.isBefore(LUNCH_UNTIL); slot = slot.plus(SLOT)) {
			slots.add(new MerchantReport.LunchSlot(slot.toString(), bySlot.getOrDefault(slot, 0)));
		}
		return slots;
	}

	private MerchantReport.Ratings ratings(long merchantId, LocalDate from, LocalDate to) {
		Instant start = from.atStartOfDay(this.time.zone()).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(this.time.zone()).toInstant();
		Map<Integer, Integer> given = this.orders.starsGiven(merchantId, start, end);
		Map<String, Integer> byStars = new LinkedHashMap<>();
		int count = 0;
		long total = 0;
		for (int stars = 1; stars <= 5; stars++) {
			int n = given.getOrDefault(stars, 0);
			byStars.put(Integer.toString(stars), n);
			count += n;
			total += (long) stars * n;
		}
		return new MerchantReport.Ratings(new MerchantRatings.Summary(count, total).average().orElse(null), count,
				byStars);
	}

	private static MerchantReport.Money money(SettlementReport.Totals totals) {
		return new MerchantReport.Money(totals.orders(), totals.deliverableOrders(), totals.salesCents(),
				totals.couponCents(), totals.chargedCents(), totals.refundedCents(), totals.netCents());
	}

}
