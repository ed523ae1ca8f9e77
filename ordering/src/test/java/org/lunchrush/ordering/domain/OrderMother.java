package org.lunchrush.ordering.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Orders in each state of their life, for tests. Every order is placed at
 * {@link #PLACED_AT} and must be paid by {@link #PAY_BY}.
 */
final class OrderMother {

	static final long ORDER_ID = 7001L;

	static final long STUDENT_ID = 42L;

	static final Instant PLACED_AT = Instant.parse("2025-03-10T03:45:00Z");

	static final Instant PAY_BY = PLACED_AT.plus(Duration.ofMinutes(15));

	static final String TRANSACTION_ID = "sbx-txn-1";

	/** 2 x 1500 + 1 x 600. */
	static final List<OrderLine> LINES = List.of(new OrderLine(101L, "Braised pork rice", 1500, 2),
			new OrderLine(102L, "Tomato egg soup", 600, 1));

	static final int LINES_TOTAL_CENTS = 3600;

	private OrderMother() {
	}

	static Order placedOrder() {
		return Order.place(ORDER_ID, STUDENT_ID, 3L, 8L, LINES, false, PLACED_AT, PAY_BY);
	}

	static Order pendingOrder() {
		Order order = placedOrder();
		order.awaitPayment(PLACED_AT.plusSeconds(1));
		return order;
	}

	static Order paidOrder() {
		Order order = pendingOrder();
		order.markPaid(TRANSACTION_ID, PLACED_AT.plusSeconds(60));
		return order;
	}

	static Order cancelledOrder() {
		Order order = pendingOrder();
		order.cancelUnpaid(PAY_BY.plusSeconds(1));
		return order;
	}

	static Order refundedOrder() {
		Order order = cancelledOrder();
		order.markRefunded("sbx-refund-1", PAY_BY.plusSeconds(30));
		return order;
	}

	/**
	 * An order as the store would hand it back in any status, for states the transitions
	 * under test do not reach.
	 */
	static Order orderIn(OrderStatus status) {
		Optional<String> paidBy = switch (status) {
			case PLACED, PENDING_PAYMENT, CANCELLED, REFUNDED -> Optional.empty();
			default -> Optional.of(TRANSACTION_ID);
		};
		return Order.restore(ORDER_ID, STUDENT_ID, 3L, 8L, LINES, false, PLACED_AT, PAY_BY, status, paidBy);
	}

}
