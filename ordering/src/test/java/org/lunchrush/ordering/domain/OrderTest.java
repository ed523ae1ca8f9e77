package org.lunchrush.ordering.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.ordering.domain.OrderAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.lunchrush.ordering.domain.OrderMother.LINES;
import static org.lunchrush.ordering.domain.OrderMother.LINES_TOTAL_CENTS;
import static org.lunchrush.ordering.domain.OrderMother.ORDER_ID;
import static org.lunchrush.ordering.domain.OrderMother.PAY_BY;
import static org.lunchrush.ordering.domain.OrderMother.PLACED_AT;
import static org.lunchrush.ordering.domain.OrderMother.STUDENT_ID;
import static org.lunchrush.ordering.domain.OrderMother.TRANSACTION_ID;
import static org.lunchrush.ordering.domain.OrderMother.cancelledOrder;
import static org.lunchrush.ordering.domain.OrderMother.orderIn;
import static org.lunchrush.ordering.domain.OrderMother.paidOrder;
import static org.lunchrush.ordering.domain.OrderMother.pendingOrder;
import static org.lunchrush.ordering.domain.OrderMother.placedOrder;
import static org.lunchrush.ordering.domain.OrderMother.refundedOrder;

class OrderTest {

	private static final Instant LATER = PLACED_AT.plusSeconds(90);

	@Nested
	class Placing {

		@Test
		void startsAsPlacedWithoutAPayment() {
			Order order = placedOrder();

			assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
			assertThat(order.paidTransactionId()).isEmpty();
			assertThat(order.payBy()).isEqualTo(PAY_BY);
		}

		@Test
		void totalsTheSubtotalsOfItsLines() {
			assertThat(placedOrder().totalCents()).isEqualTo(LINES_TOTAL_CENTS);
		}

		@Test
		void keepsItsLinesWhenTheCallersListChangesLater() {
			List<OrderLine> lines = new ArrayList<>(LINES);
			Order order = Order.place(ORDER_ID, STUDENT_ID, 3L, 8L, lines, false, PLACED_AT, PAY_BY);

			lines.add(new OrderLine(103L, "Extra egg", 200, 5));

			assertThat(order.lines()).containsExactlyElementsOf(LINES);
			assertThat(order.totalCents()).isEqualTo(LINES_TOTAL_CENTS);
		}

		@Test
		void rejectsAnOrderWithoutLines() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Order.place(ORDER_ID, STUDENT_ID, 3L, 8L, List.of(), false, PLACED_AT, PAY_BY));
		}

		@Test
		void rejectsAPaymentDeadlineAtTheMomentOfPlacement() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Order.place(ORDER_ID, STUDENT_ID, 3L, 8L, LINES, false, PLACED_AT, PLACED_AT));
		}

		@Test
		void rejectsAPaymentDeadlineBeforePlacement() {
			assertThatIllegalArgumentException().isThrownBy(() -> Order.place(ORDER_ID, STUDENT_ID, 3L, 8L, LINES,
					false, PLACED_AT, PLACED_AT.minusSeconds(1)));
		}

		@Test
		void aCouponTakesItsDiscountOffTheTotalButNotOffTheSubtotal() {
			Order order = placedOrder();

			order.applyCoupon(new OrderCoupon(77L, 500));

			assertThat(order.subtotalCents()).isEqualTo(LINES_TOTAL_CENTS);
			assertThat(order.discountCents()).isEqualTo(500);
			assertThat(order.totalCents()).isEqualTo(LINES_TOTAL_CENTS - 500);
			assertThat(order.coupon()).contains(new OrderCoupon(77L, 500));
		}

		@Test
		void aCouponMayNotLeaveNothingToPay() {
			Order order = placedOrder();

			assertThatIllegalArgumentException()
				.isThrownBy(() -> order.applyCoupon(new OrderCoupon(77L, LINES_TOTAL_CENTS)));
			assertThat(order.coupon()).isEmpty();
			assertThat(order.totalCents()).isEqualTo(LINES_TOTAL_CENTS);
		}

		@Test
		void onlyOneCouponAndOnlyBeforeTheOrderIsOnRecord() {
			Order order = placedOrder();
			order.applyCoupon(new OrderCoupon(77L, 500));

			assertRefused(() -> order.applyCoupon(new OrderCoupon(78L, 300)), order, OrderStatus.PLACED);
			Order pending = pendingOrder();
			assertRefused(() -> pending.applyCoupon(new OrderCoupon(78L, 300)), pending, OrderStatus.PENDING_PAYMENT);
			assertThat(order.totalCents()).isEqualTo(LINES_TOTAL_CENTS - 500);
		}

		@Test
		void belongsToTheStudentWhoPlacedIt() {
			assertThat(placedOrder().isOwnedBy(STUDENT_ID)).isTrue();
			assertThat(placedOrder().isOwnedBy(STUDENT_ID + 1)).isFalse();
		}

	}

	@Nested
	class AwaitingPayment {

		@Test
		void movesAPlacedOrderToPendingPayment() {
			Order order = placedOrder();

			StatusChange change = order.awaitPayment(LATER);

			assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
			assertThat(change).isEqualTo(new StatusChange(ORDER_ID, OrderStatus.PLACED, OrderStatus.PENDING_PAYMENT,
					LATER, "awaiting payment until " + PAY_BY));
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "PLACED")
		void refusesAnOrderThatIsNoLongerJustPlaced(OrderStatus current) {
			Order order = orderIn(current);

			assertRefused(() -> order.awaitPayment(LATER), order, current);
		}

	}

	@Nested
	class Rating {

		@Test
		void ratesADeliveredOrderWithItsMerchant() {
			Order order = orderIn(OrderStatus.DELIVERED);

			OrderRating rating = order.rate(4, Optional.of("好吃"), LATER);

			assertThat(rating).isEqualTo(new OrderRating(ORDER_ID, order.merchantId(), 4, Optional.of("好吃"), LATER));
			assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "DELIVERED")
		void refusesAnOrderNotDelivered(OrderStatus current) {
			Order order = orderIn(current);

			assertRefused(() -> order.rate(5, Optional.empty(), LATER), order, current);
		}

		@ParameterizedTest
		@ValueSource(ints = { 0, 6, -1 })
		void refusesStarsOutsideOneToFive(int stars) {
			Order order = orderIn(OrderStatus.DELIVERED);

			assertThatIllegalArgumentException().isThrownBy(() -> order.rate(stars, Optional.empty(), LATER));
		}

		@Test
		void refusesACommentOverTwoHundredCharacters() {
			Order order = orderIn(OrderStatus.DELIVERED);

			assertThatIllegalArgumentException().isThrownBy(() -> order.rate(5, Optional.of("好".repeat(201)), LATER));
			assertThat(order.rate(5, Optional.of("好".repeat(200)), LATER).comment()).hasValue("好".repeat(200));
		}

	}

	@Nested
	class CancellingAnOrderThatCannotBeStored {

		@Test
		void endsAPlacedOrderWithTheReasonOnItsTimeline() {
			Order order = placedOrder();

			StatusChange change = order.cancelUnstorable("could not be stored", LATER);

			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(change).isEqualTo(new StatusChange(ORDER_ID, OrderStatus.PLACED, OrderStatus.CANCELLED, LATER,
					"could not be stored"));
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "PLACED")
		void refusesAnOrderAlreadyOnRecord(OrderStatus current) {
			Order order = orderIn(current);

			assertRefused(() -> order.cancelUnstorable("could not be stored", LATER), order, current);
		}

	}

	@Nested
	class Paying {

		@Test
		void marksAPendingOrderPaidByTheTransaction() {
			Order order = pendingOrder();

			StatusChange change = order.markPaid("sbx-txn-9", LATER);

			assertThat(order.status()).isEqualTo(OrderStatus.PAID);
			assertThat(order.paidTransactionId()).contains("sbx-txn-9");
			assertThat(change.from()).isEqualTo(OrderStatus.PENDING_PAYMENT);
			assertThat(change.to()).isEqualTo(OrderStatus.PAID);
			assertThat(change.at()).isEqualTo(LATER);
			assertThat(change.orderId()).isEqualTo(ORDER_ID);
		}

		@Test
		void refusesPaymentOfACancelledOrder() {
			Order order = cancelledOrder();

			assertRefused(() -> order.markPaid("sbx-txn-late", LATER), order, OrderStatus.CANCELLED);
			assertThat(order.paidTransactionId()).isEmpty();
		}

		@Test
		void refusesPaymentOfAnOrderNotYetAwaitingIt() {
			Order order = placedOrder();

			assertRefused(() -> order.markPaid(TRANSACTION_ID, LATER), order, OrderStatus.PLACED);
			assertThat(order.paidTransactionId()).isEmpty();
		}

		@Test
		void refusesASecondPaymentAndKeepsTheFirstTransaction() {
			Order order = paidOrder();

			assertRefused(() -> order.markPaid("sbx-txn-2", LATER), order, OrderStatus.PAID);
			assertThat(order.paidTransactionId()).contains(TRANSACTION_ID);
			assertThat(order.isPaidBy("sbx-txn-2")).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "PENDING_PAYMENT")
		void refusesPaymentInAnyStatusButPendingPayment(OrderStatus current) {
			Order order = orderIn(current);

			assertRefused(() -> order.markPaid("sbx-txn-x", LATER), order, current);
		}

		@Test
		void isPaidOnlyByTheTransactionThatPaidIt() {
			Order order = paidOrder();

			assertThat(order.isPaidBy(TRANSACTION_ID)).isTrue();
			assertThat(order.isPaidBy("sbx-txn-other")).isFalse();
		}

		@Test
		void isPaidByNoTransactionBeforePayment() {
			assertThat(pendingOrder().isPaidBy(TRANSACTION_ID)).isFalse();
		}

		@Test
		void remembersThePayingTransactionWhenRestored() {
			Order order = orderIn(OrderStatus.DELIVERED);

			assertThat(order.isPaidBy(TRANSACTION_ID)).isTrue();
		}

	}

	@Nested
	class CancellingUnpaid {

		@Test
		void cancelsAPendingOrderOnceTheDeadlinePassed() {
			Order order = pendingOrder();
			Instant afterDeadline = PAY_BY.plusMillis(1);

			StatusChange change = order.cancelUnpaid(afterDeadline);

			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(change).isEqualTo(new StatusChange(ORDER_ID, OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED,
					afterDeadline, "payment deadline " + PAY_BY + " passed"));
		}

		@Test
		void refusesToCancelBeforeTheDeadline() {
			Order order = pendingOrder();

			assertRefused(() -> order.cancelUnpaid(PAY_BY.minusSeconds(1)), order, OrderStatus.PENDING_PAYMENT);
		}

		@Test
		void refusesToCancelAtTheDeadlineItself() {
			Order order = pendingOrder();

			assertRefused(() -> order.cancelUnpaid(PAY_BY), order, OrderStatus.PENDING_PAYMENT);
		}

		@Test
		void refusesToCancelAnOrderPaidJustBeforeTheDeadline() {
			Order order = paidOrder();

			assertRefused(() -> order.cancelUnpaid(PAY_BY.plusSeconds(60)), order, OrderStatus.PAID);
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "PENDING_PAYMENT")
		void refusesToCancelInAnyStatusButPendingPayment(OrderStatus current) {
			Order order = orderIn(current);

			assertRefused(() -> order.cancelUnpaid(PAY_BY.plusSeconds(3600)), order, current);
		}

		@Test
		void countsAsOverdueOnlyWhilePendingAndPastTheDeadline() {
			assertThat(pendingOrder().isPaymentOverdue(PAY_BY.plusMillis(1))).isTrue();
			assertThat(pendingOrder().isPaymentOverdue(PAY_BY)).isFalse();
			assertThat(placedOrder().isPaymentOverdue(PAY_BY.plusMillis(1))).isFalse();
			assertThat(paidOrder().isPaymentOverdue(PAY_BY.plusMillis(1))).isFalse();
		}

	}

	@Nested
	class Refunding {

		@Test
		void marksACancelledOrderRefunded() {
			Order order = cancelledOrder();

			StatusChange change = order.markRefunded("sbx-refund-7", LATER);

			assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
			assertThat(change).isEqualTo(new StatusChange(ORDER_ID, OrderStatus.CANCELLED, OrderStatus.REFUNDED, LATER,
					"refunded: sbx-refund-7"));
		}

		@Test
		void refusesToRefundAPaidOrder() {
			Order order = paidOrder();

			assertRefused(() -> order.markRefunded("sbx-refund-7", LATER), order, OrderStatus.PAID);
		}

		@Test
		void refusesToRefundTwice() {
			Order order = refundedOrder();

			assertRefused(() -> order.markRefunded("sbx-refund-8", LATER), order, OrderStatus.REFUNDED);
		}

		@ParameterizedTest
		@EnumSource(value = OrderStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "CANCELLED")
		void refusesToRefundInAnyStatusButCancelled(OrderStatus current) {
			Order order = orderIn(current);

			assertRefused(() -> order.markRefunded("sbx-refund-9", LATER), order, current);
		}

	}

	/**
	 * The move is refused with {@code ORDER_STATE_CONFLICT} naming the current status,
	 * and the order stays where it was.
	 */

}
