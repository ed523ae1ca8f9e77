package org.lunchrush.ops;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.StockAudit;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderChecks;
import org.lunchrush.ordering.OrderStreamChecks;
import org.lunchrush.payment.PaymentChecks;
import org.lunchrush.payment.PaymentChecks.KeptCharge;
import org.lunchrush.promotion.Coupons;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Checks the invariants of ../shared/DESIGN.md §3 against the modules' own records, each
 * through the module's published API: no oversold portion, no money kept for an order
 * that will not be delivered, no double charge, no order stuck past its deadline, no
 * order answered {@code 202} that never reached the database (nor a dead letter), Redis
 * agreeing with the stock ledger, every cancelled order's coupon given back, and the
 * coupons in Redis agreeing with the database. The money checks look at the orders of the
 * last {@code lunchrush.ops.money-window} (7 days), so the check costs a week's activity,
 * not the whole ledger. Meant for a platform at rest: orders still on their way through
 * Kafka show as a stock mismatch until they are persisted.
 */
@Service
public class InvariantCheck {

	private final Inventory inventory;

	private final OrderChecks orders;

	private final OrderStreamChecks stream;

	private final PaymentChecks payments;

	private final Coupons coupons;

	private final CampusTime time;

	private final Duration stuckGrace;

	private final Duration moneyWindow;

	private final InvariantMeters meters;

	InvariantCheck(Inventory inventory, OrderChecks orders, OrderStreamChecks stream, PaymentChecks payments,
			Coupons coupons, CampusTime time, @Value("${lunchrush.ops.stuck-grace:1m}") Duration stuckGrace,
			@Value("${lunchrush.ops.money-window:7d}") Duration moneyWindow, InvariantMeters meters) {
		this.meters = meters;
		this.moneyWindow = moneyWindow;
		this.stream = stream;
		this.coupons = coupons;
		this.inventory = inventory;
		this.orders = orders;
		this.payments = payments;
		this.time = time;
		this.stuckGrace = stuckGrace;
	}

	/**
	 * Runs every check and sets the invariant gauges ({@link InvariantMeters}) from the
	 * result.
	 */
	public InvariantReport run() {
		InvariantReport report = check();
		this.meters.record(report, this.time.now());
		return report;
	}

	private InvariantReport check() {
		List<StockAudit> stock = this.inventory.audit(this.time.today());
		LocalDate firstDay = this.time.today().minusDays(this.moneyWindow.toDays());
		List<KeptCharge> keptByCancelled = this.payments.keptCharges(this.orders.cancelledSince(firstDay));
		List<KeptCharge> doubles = this.payments.doubleCharges(this.time.now().minus(this.moneyWindow));
		return new InvariantReport(
				List.of(InvariantReport.Check.of("OVERSOLD", "items sold beyond their stock today", oversold(stock)),
						InvariantReport.Check.of("CHARGED_NOT_DELIVERABLE",
								"money kept for orders cancelled or refunded in the last " + this.moneyWindow.toDays()
										+ " days",
								keptByCancelled.stream()
									.map((charge) -> "order " + charge.orderId() + " (transaction "
											+ charge.transactionId() + ")")
									.toList()),
						InvariantReport.Check.of("DOUBLE_CHARGED",
								"orders charged in the last " + this.moneyWindow.toDays()
										+ " days holding more than one charge",
								doubleCharged(doubles)),
						InvariantReport.Check.of("STUCK_PAST_TIMEOUT",
								"orders awaiting payment longer than " + this.stuckGrace + " past their deadline",
								this.orders.stuckPastDeadline(this.stuckGrace).stream().map(String::valueOf).toList()),
						InvariantReport.Check.of("STUCK_PLACED",
								"orders answered 202 more than " + this.stuckGrace
										+ " ago, neither persisted nor dead-lettered",
								this.stream.unsettled(this.stuckGrace).stream().map(String::valueOf).toList()),
						InvariantReport.Check.of("STOCK_MISMATCH",
								"live stock in Redis differing from the ledger less the orders on their way to it",
								stock.stream()
									.filter((audit) -> !audit.agrees())
									.map((audit) -> "item " + audit.itemId() + ": ledger " + audit.ledgerAvailable()
											+ ((audit.inFlight() != 0) ? ", in flight " + audit.inFlight() : "")
											+ ", Redis " + audit.liveAvailable().getAsInt())
									.toList()),
						InvariantReport.Check.of("COUPON_NOT_RELEASED", "coupons still held by orders cancelled today",
								couponsNotReleased()),
						InvariantReport.Check.of("COUPON_MISMATCH",
								"coupons and batches whose Redis state differs from the database, or over-claimed",
								this.coupons.audit()
									.stream()
									.map((audit) -> audit.kind() + " " + audit.id() + ": " + audit.detail())
									.toList())));
	}

	private List<String> couponsNotReleased() {
		Map<Long, Long> cancelled = this.orders.couponsOfCancelledOrders(this.time.today());
		Map<Long, Long> holders = this.coupons.holders(cancelled.values());
		return cancelled.entrySet()
			.stream()
			.filter((order) -> order.getKey().equals(holders.get(order.getValue())))
			.map((order) -> "order " + order.getKey() + " (coupon " + order.getValue() + ")")
			.sorted()
			.toList();
	}

	private static List<String> oversold(List<StockAudit> stock) {
		List<String> violations = new ArrayList<>();
		for (StockAudit audit : stock) {
			int live = audit.liveAvailable().orElse(0);
			if (audit.ledgerAvailable() < 0 || live < 0) {
				violations.add("item " + audit.itemId() + ": sold " + audit.sold() + " of "
						+ (audit.opening() + audit.adjusted()));
			}
		}
		return violations;
	}

	private static List<String> doubleCharged(List<KeptCharge> charges) {
		return charges.stream()
			.collect(Collectors.groupingBy(KeptCharge::orderId, Collectors.counting()))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 1)
			.map((entry) -> "order " + entry.getKey() + " (" + entry.getValue() + " charges)")
			.sorted()
			.toList();
	}

}
