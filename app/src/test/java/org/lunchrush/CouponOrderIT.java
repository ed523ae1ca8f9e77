package org.lunchrush;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coupons on the order path, through HTTP as a student uses them: locked when the order
 * is placed, spent when it is paid, given back exactly once when it is cancelled, by the
 * student or by the payment deadline. A refused coupon or a sold-out item leaves both
 * stock and coupon as they were.
 * <p>
 * Students 53 to 57; stall 第一食堂·麻辣香锅, items 酸菜鱼 (24 元), 毛血旺 (23 元) and 干锅花菜 (13 元), which
 * no other test orders.
 */
class CouponOrderIT extends IntegrationTest {

	/**
	 * 满20减5.
	 */
	private static final int AMOUNT_OFF = 500;

	private static final int MIN_SPEND = 2000;

	private JsonNode merchant;

	private long merchantId;

	private long fish;

	private long bloodStew;

	private long cauliflower;

	@BeforeEach
	void stall() {
		this.merchant = merchantNamed("第一食堂·麻辣香锅");
		this.merchantId = this.merchant.path("id").asLong();
		this.fish = menuItemId(this.merchantId, "酸菜鱼");
		this.bloodStew = menuItemId(this.merchantId, "毛血旺");
		this.cauliflower = menuItemId(this.merchantId, "干锅花菜");
	}

	@Test
	void aCouponTakesItsAmountOffIsSpentOnPaymentAndComesBackOnceWhenThePaidOrderIsCancelled() {
		Session student = student(53);
		String couponId = claimCoupon(student);
		int stockBefore = stockLeft(this.merchantId, this.fish);

		Response placed = placeOrder(student, withCoupon(orderBody(this.merchant, this.fish, 1), couponId));
		assertThat(placed.status()).as(placed.raw().body()).isEqualTo(202);
		assertThat(placed.body().path("totalCents").asInt()).isEqualTo(2400 - AMOUNT_OFF);
		String orderId = placed.body().path("orderId").asString();
		JsonNode order = awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertThat(order.path("subtotalCents").asInt()).isEqualTo(2400);
		assertThat(order.path("discountCents").asInt()).isEqualTo(AMOUNT_OFF);
		assertThat(order.path("totalCents").asInt()).isEqualTo(1900);
		assertThat(order.path("couponId").asString()).isEqualTo(couponId);
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("LOCKED");
		assertThat(coupon(student, couponId).path("orderId").asString()).isEqualTo(orderId);

		// The same coupon on a second order: refused, and no stock moves for it.
		Response twice = placeOrder(student, withCoupon(orderBody(this.merchant, this.fish, 1), couponId));
		assertThat(twice.status()).isEqualTo(422);
		assertThat(twice.code()).isEqualTo("COUPON_INVALID");
		assertThat(twice.body().path("details").path("reason").asString()).isEqualTo("ALREADY_USED");
		assertThat(stockLeft(this.merchantId, this.fish)).isEqualTo(stockBefore - 1);

		String paymentId = requestPayment(student, orderId);
		assertThat(count("select amount_cents from payment.payment where id = ?", Long.parseLong(paymentId)))
			.as("the student pays the discounted total")
			.isEqualTo(1900);
		assertThat(api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of()).status()).isEqualTo(200);
		awaitStatus(student, orderId, "PAID");
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("REDEEMED");
		assertThat(timelineTypes(student, orderId)).containsSubsequence("COUPON_LOCKED", "PAID", "COUPON_REDEEMED");

		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).status()).isEqualTo(200);
		awaitStatus(student, orderId, "REFUNDED");
		assertThat(count("select sum(amount_cents) from payment.refund where order_id = ? and status = 'SUCCEEDED'",
				Long.parseLong(orderId)))
			.as("the money paid goes back, not the subtotal")
			.isEqualTo(1900);
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("AVAILABLE");
		assertThat(timelineTypes(student, orderId)).containsOnlyOnce("COUPON_RELEASED");
		assertThat(ledgerEntries(couponId, orderId, "RELEASE")).isEqualTo(1);
		assertThat(stockLeft(this.merchantId, this.fish)).isEqualTo(stockBefore);

		// Back in the student's hands: the next order can use it.
		String next = placeAcceptedOrder(student, withCoupon(orderBody(this.merchant, this.bloodStew, 1), couponId));
		cancelUnpaid(student, next);
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("AVAILABLE");
		assertInvariantsHold();
	}

	@Test
	void aCouponThatDoesNotApplyIsRefusedWithItsReasonAndNothingMoves() {
		Session student = student(54);
		String couponId = claimCoupon(student);
		String someoneElses = claimCoupon(student(55));
		int stockBefore = stockLeft(this.merchantId, this.cauliflower);
		String key = UUID.randomUUID().toString();

		Response belowMinimum = api().post("/api/v1/orders", student,
				withCoupon(orderBody(this.merchant, this.cauliflower, 1), couponId), "Idempotency-Key", key);
		assertThat(belowMinimum.status()).isEqualTo(422);
		assertThat(belowMinimum.code()).isEqualTo("COUPON_INVALID");
		assertThat(belowMinimum.body().path("details").path("reason").asString()).isEqualTo("MIN_SPEND_NOT_MET");
		assertThat(belowMinimum.body().path("details").path("minSpendCents").asInt()).isEqualTo(MIN_SPEND);

		Response notMine = placeOrder(student, withCoupon(orderBody(this.merchant, this.cauliflower, 2), someoneElses));
		assertThat(notMine.code()).isEqualTo("COUPON_INVALID");
		assertThat(notMine.body().path("details").path("reason").asString()).isEqualTo("NOT_YOURS");
		Response unknown = placeOrder(student, withCoupon(orderBody(this.merchant, this.cauliflower, 2), "42"));
		assertThat(unknown.code()).isEqualTo("COUPON_INVALID");

		assertThat(stockLeft(this.merchantId, this.cauliflower)).isEqualTo(stockBefore);
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("AVAILABLE");
		assertThat(coupon(student(55), someoneElses).path("status").asString()).isEqualTo("AVAILABLE");
		// The refused request's key is free again: the student fixes the order and
		// retries.
		Response fixed = api().post("/api/v1/orders", student,
				withCoupon(orderBody(this.merchant, this.cauliflower, 2), couponId), "Idempotency-Key", key);
		assertThat(fixed.status()).as(fixed.raw().body()).isEqualTo(202);
		assertThat(fixed.body().path("totalCents").asInt()).isEqualTo(2600 - AMOUNT_OFF);
		cancelUnpaid(student, fixed.body().path("orderId").asString());
		assertInvariantsHold();
	}

	@Test
	void aSoldOutOrderGivesItsCouponLockBack() {
		Session student = student(56);
		String couponId = claimCoupon(student);
		setStockLeft(this.merchantId, this.cauliflower, 1);
		try {
			Response soldOut = placeOrder(student, withCoupon(orderBody(this.merchant, this.cauliflower, 2), couponId));
			assertThat(soldOut.status()).isEqualTo(409);
			assertThat(soldOut.code()).isEqualTo("SOLD_OUT");
			assertThat(stockLeft(this.merchantId, this.cauliflower)).isEqualTo(1);

			// The coupon was not kept by the order that never was.
			String orderId = placeAcceptedOrder(student,
					withCoupon(orderBody(this.merchant, this.bloodStew, 1), couponId));
			awaitStatus(student, orderId, "PENDING_PAYMENT");
			assertThat(coupon(student, couponId).path("orderId").asString()).isEqualTo(orderId);
			cancelUnpaid(student, orderId);
		}
		finally {
			setStockLeft(this.merchantId, this.cauliflower, 100);
		}
		assertInvariantsHold();
	}

	@Test
	void anOrderNotPaidInTimeGivesItsCouponBack() {
		Session student = student(57);
		String couponId = claimCoupon(student);

		String orderId = placeAcceptedOrder(student, withCoupon(orderBody(this.merchant, this.fish, 1), couponId));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("LOCKED");

		awaitStatus(student, orderId, "CANCELLED");
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("AVAILABLE");
		assertThat(timelineTypes(student, orderId)).containsSubsequence("CANCELLED", "STOCK_RELEASED",
				"COUPON_RELEASED");
		assertThat(ledgerEntries(couponId, orderId, "RELEASE")).isEqualTo(1);
		assertInvariantsHold();
	}

	private String claimCoupon(Session student) {
		return claimCoupon(student, AMOUNT_OFF, MIN_SPEND);
	}

	private JsonNode coupon(Session student, String couponId) {
		for (JsonNode coupon : api().get("/api/v1/coupons", student).body()) {
			if (coupon.path("couponId").asString().equals(couponId)) {
				return coupon;
			}
		}
		throw new AssertionError("coupon " + couponId + " not among the student's");
	}

	private void cancelUnpaid(Session student, String orderId) {
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		Response cancelled = api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of());
		assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
		assertThat(timelineTypes(student, orderId)).containsOnlyOnce("COUPON_RELEASED");
	}

	private long ledgerEntries(String couponId, String orderId, String kind) {
		return count("select count(*) from promotion.coupon_ledger where coupon_id = ? and order_id = ? and kind = ?",
				Long.parseLong(couponId), Long.parseLong(orderId), kind);
	}

}
