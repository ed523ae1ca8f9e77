package org.lunchrush.ordering.domain;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.lunchrush.kernel.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Assertions shared by the order aggregate's tests.
 */
final class OrderAssertions {

	private OrderAssertions() {
	}

	/**
	 * The move is refused with {@code ORDER_STATE_CONFLICT} naming the current status and
	 * the order, and the order stays where it was.
	 */
	static void assertRefused(ThrowingCallable move, Order order, OrderStatus current) {
		IllegalOrderTransition refusal = catchThrowableOfType(IllegalOrderTransition.class, move);

		assertThat(refusal).as("refusal of a move from %s", current).isNotNull();
		assertThat(refusal.code()).isEqualTo(ErrorCode.ORDER_STATE_CONFLICT);
		assertThat(refusal.details()).containsEntry("status", current.name())
			.containsEntry("orderId", Long.toString(order.id()));
		assertThat(order.status()).as("state unchanged").isEqualTo(current);
	}

}
