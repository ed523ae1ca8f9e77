package org.lunchrush;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student may cancel until the merchant accepts: the stock goes back once, and the
 * money too if the order was paid.
 */
class CancellationIT extends IntegrationTest {

	private JsonNode merchant() {
		return merchantNamed("第二食堂·潮汕牛肉粉");
	}

	@Test
	void anUnpaidOrderCancelledByItsStudentGivesItsStockBackAndALatePaymentIsRefunded() {
		Session student = student(91);
		long merchantId = merchant().path("id").asLong();
		long itemId = menuItemId(merchant().path("id").asLong(), "鲜牛肉粉");
		int before = stockLeft(merchantId, itemId);
		String orderId = placeAcceptedOrder(student, orderBody(merchant(), itemId, 2));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		String paymentId = requestPayment(student, orderId);

		Response cancelled = api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of());

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before);
		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).code()).as("cancelling twice")
			.isEqualTo("ORDER_STATE_CONFLICT");

		// The student pays in the provider's page that was still open.
		api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of());
		awaitStatus(student, orderId, "REFUNDED");
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before);
		assertThat(count("select count(*) from inventory.stock_ledger where order_id = ? and kind = 'RELEASE'",
				Long.parseLong(orderId)))
			.isEqualTo(1);
	}

	@Test
	void aPaidOrderCancelledBeforeTheMerchantAcceptsIsRefunded() {
		Session student = student(92);
		long merchantId = merchant().path("id").asLong();
		long itemId = menuItemId(merchant().path("id").asLong(), "牛肉丸粉");
		int before = stockLeft(merchantId, itemId);
		String orderId = paidOrder(student, orderBody(merchant(), itemId, 1));

		Response cancelled = api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of());

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
		awaitStatus(student, orderId, "REFUNDED");
		assertThat(count("select count(*) from payment.refund where order_id = ?", Long.parseLong(orderId)))
			.isEqualTo(1);
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before);
		assertThat(timelineTypes(student, orderId)).containsSubsequence("PAID", "CANCELLED", "REFUND_REQUESTED",
				"REFUND", "REFUNDED");
	}

	@Test
	void cancellingAnAcceptedOrderAsksTheMerchantWhoDeclinesOrApproves() {
		Session student = student(93);
		long merchantId = merchant().path("id").asLong();
		long itemId = menuItemId(merchant().path("id").asLong(), "卤豆腐");
		int before = stockLeft(merchantId, itemId);
		String orderId = paidOrder(student, orderBody(merchant(), itemId, 1));
		Session merchant = merchantAccount(merchantId);
		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student(94), Map.of()).status())
			.as("someone else's order")
			.isEqualTo(404);
		assertThat(
				api().post("/api/v1/merchant/orders/" + orderId + "/cancellation/approve", merchant, Map.of()).status())
			.as("nothing to approve yet")
			.isEqualTo(409);
		api().post("/api/v1/merchant/orders/" + orderId + "/accept", merchant, Map.of());

		Response asked = api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of());
		assertThat(asked.status()).isEqualTo(200);
		assertThat(asked.body().path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(asked.body().path("cancellationRequested").asBoolean()).isTrue();

		Response declined = api().post("/api/v1/merchant/orders/" + orderId + "/cancellation/decline", merchant,
				Map.of("reason", "已经做好了 already cooked"));
		assertThat(declined.body().path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(declined.body().path("cancellationRequested").asBoolean()).isFalse();
		assertThat(count("select count(*) from payment.refund where order_id = ?", Long.parseLong(orderId))).isZero();

		api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of());
		Response approved = api().post("/api/v1/merchant/orders/" + orderId + "/cancellation/approve", merchant,
				Map.of());

		assertThat(approved.status()).as(approved.raw().body()).isEqualTo(200);
		assertThat(approved.body().path("status").asString()).isEqualTo("CANCELLED");
		awaitStatus(student, orderId, "REFUNDED");
		assertThat(count("select count(*) from payment.refund where order_id = ?", Long.parseLong(orderId)))
			.isEqualTo(1);
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before);
		assertThat(timelineTypes(student, orderId)).containsSubsequence("ACCEPTED", "CANCELLATION_REQUESTED",
				"CANCELLATION_DECLINED", "CANCELLATION_REQUESTED", "CANCELLED", "REFUNDED");
		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).code())
			.as("nothing left to cancel")
			.isEqualTo("ORDER_STATE_CONFLICT");
	}

}
