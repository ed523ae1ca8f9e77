package org.lunchrush.ordering.domain;

import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.ordering.domain.OrderAssertions.assertRefused;
import static org.lunchrush.ordering.domain.OrderMother.PLACED_AT;
import static org.lunchrush.ordering.domain.OrderMother.TRANSACTION_ID;
import static org.lunchrush.ordering.domain.OrderMother.orderIn;
import static org.lunchrush.ordering.domain.OrderMother.paidOrder;
import static org.lunchrush.ordering.domain.OrderMother.pendingOrder;

/**
 * What happens to an order after payment, or instead of it: the merchant's moves and the
 * student's cancellation.
 */
class OrderFulfilmentTest {

	private static final Instant LATER = PLACED_AT.plusSeconds(120);

	@Nested
	class Accepting {

		@Test
		void movesAPaidOrderToAccepted() {
			Order order = paidOrder();

			StatusChange change = order.accept(LATER);

			assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
			assertThat(change.from()).isEqualTo(OrderStatus.PAID);
			assertThat(change.to()).isEqualTo(OrderStatus.ACCEPTED);
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, names = "PAID", mode = EnumSource.Mode.EXCLUDE)
		void refusesAnOrderThatIsNotPaid(OrderStatus current) {
			Order order = orderIn(current);
			assertRefused(() -> order.accept(LATER), order, current);
		}

	}

	@Nested
	class MarkingReady {

		@Test
		void movesAnAcceptedOrderToReady() {
			Order order = paidOrder();
			order.accept(LATER);

			order.markReady(LATER.plusSeconds(300));

			assertThat(order.status()).isEqualTo(OrderStatus.READY);
		}

		@Test
		void refusesAPaidOrderTheMerchantHasNotAccepted() {
			Order order = paidOrder();
			assertRefused(() -> order.markReady(LATER), order, OrderStatus.PAID);
		}

	}

	@Nested
	class Rejecting {

		@Test
		void cancelsAPaidOrderAndKeepsItsTransactionForTheRefund() {
			Order order = paidOrder();

			StatusChange change = order.reject("sold out", LATER);

			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(change.detail()).contains("sold out");
			assertThat(order.paidTransactionId()).contains(TRANSACTION_ID);
		}

		@Test
		void refusesAnAcceptedOrder() {
			Order order = paidOrder();
			order.accept(LATER);

			assertRefused(() -> order.reject("too busy", LATER), order, OrderStatus.ACCEPTED);
		}

	}

	@Nested
	class CancellingByTheStudent {

		@Test
		void cancelsAnUnpaidOrder() {
			Order order = pendingOrder();

			StatusChange change = order.cancelByStudent(LATER);

			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(change.from()).isEqualTo(OrderStatus.PENDING_PAYMENT);
		}

		@Test
		void cancelsAPaidOrderTheMerchantHasNotAccepted() {
			Order order = paidOrder();

			StatusChange change = order.cancelByStudent(LATER);

			assertThat(change.from()).isEqualTo(OrderStatus.PAID);
			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, names = { "PENDING_PAYMENT", "PAID" }, mode = EnumSource.Mode.EXCLUDE)
		void refusesOnceTheMerchantAcceptedOrTheOrderEnded(OrderStatus current) {
			Order order = orderIn(current);
			assertRefused(() -> order.cancelByStudent(LATER), order, current);
		}

	}

	@Nested
	class CancellingAfterAcceptance {

		private Order acceptedOrder() {
			Order order = paidOrder();
			order.accept(LATER);
			return order;
		}

		@Test
		void recordsTheStudentsRequestOnceAndLeavesTheOrderAccepted() {
			Order order = acceptedOrder();

			assertThat(order.requestCancellation(LATER)).isTrue();
			assertThat(order.requestCancellation(LATER.plusSeconds(5))).as("asking again").isFalse();

			assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
			assertThat(order.cancellationRequestedAt()).contains(LATER);
		}

		@Test
		void approvingARequestCancelsTheOrder() {
			Order order = acceptedOrder();
			order.requestCancellation(LATER);

			StatusChange change = order.approveCancellation(LATER.plusSeconds(60));

			assertThat(change.from()).isEqualTo(OrderStatus.ACCEPTED);
			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(order.cancellationRequestedAt()).isEmpty();
		}

		@Test
		void decliningARequestKeepsTheOrderGoing() {
			Order order = acceptedOrder();
			order.requestCancellation(LATER);

			order.declineCancellation();

			assertThat(order.status()).isEqualTo(OrderStatus.ACCEPTED);
			assertThat(order.cancellationRequestedAt()).isEmpty();
		}

		@Test
		void refusesToApproveOrDeclineWhatNobodyAskedFor() {
			Order order = acceptedOrder();

			assertRefused(() -> order.approveCancellation(LATER), order, OrderStatus.ACCEPTED);
			assertRefused(order::declineCancellation, order, OrderStatus.ACCEPTED);
		}

		@Test
		void refusesARequestBeforeTheMerchantAccepted() {
			Order order = paidOrder();

			assertRefused(() -> order.requestCancellation(LATER), order, OrderStatus.PAID);
		}

	}

	@Nested
	class Delivering {

		@Test
		void aReadyOrderIsPickedUpThenDelivered() {
			Order order = orderIn(OrderStatus.READY);

			StatusChange pickedUp = order.markPickedUp(7L, LATER);
			StatusChange delivered = order.markDelivered(7L, LATER.plusSeconds(300));

			assertThat(pickedUp.to()).isEqualTo(OrderStatus.PICKED_UP);
			assertThat(pickedUp.detail()).contains("rider 7");
			assertThat(delivered.from()).isEqualTo(OrderStatus.PICKED_UP);
			assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, names = "READY", mode = EnumSource.Mode.EXCLUDE)
		void onlyAReadyOrderCanBePickedUp(OrderStatus current) {
			Order order = orderIn(current);
			assertRefused(() -> order.markPickedUp(7L, LATER), order, current);
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, names = "PICKED_UP", mode = EnumSource.Mode.EXCLUDE)
		void onlyAnOrderOnItsWayCanBeDelivered(OrderStatus current) {
			Order order = orderIn(current);
			assertRefused(() -> order.markDelivered(7L, LATER), order, current);
		}

	}

	@Test
	void tellsWhichMerchantAnOrderIsFrom() {
		Order order = paidOrder();
		assertThat(order.isFrom(order.merchantId())).isTrue();
		assertThat(order.isFrom(order.merchantId() + 1)).isFalse();
	}

}
