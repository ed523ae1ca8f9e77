package org.lunchrush;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merchant's side: its own orders only; accept, mark ready, or reject with a refund.
 */
class MerchantOrdersIT extends IntegrationTest {

	private JsonNode merchant() {
		return merchantNamed("第二食堂·西北面馆");
	}

	@Test
	void merchantSeesItsOwnPaidOrdersAcceptsThemAndMarksThemReady() {
		Session student = student(81);
		String orderId = paidOrder(student,
				orderBody(merchant(), menuItemId(merchant().path("id").asLong(), "油泼面"), 1));
		Session merchant = merchantAccount(merchant().path("id").asLong());
		Session otherMerchant = merchantAccount(merchantNamed("第一食堂·川味小炒").path("id").asLong());

		assertThat(orderIds(api().get("/api/v1/merchant/orders?status=PAID", merchant))).contains(orderId);
		assertThat(orderIds(api().get("/api/v1/merchant/orders", otherMerchant))).doesNotContain(orderId);
		assertThat(api().post("/api/v1/merchant/orders/" + orderId + "/accept", otherMerchant, Map.of()).status())
			.as("another merchant's order")
			.isEqualTo(404);
		Response early = api().post("/api/v1/merchant/orders/" + orderId + "/ready", merchant, Map.of());
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.code()).isEqualTo("ORDER_STATE_CONFLICT");

		Response accepted = api().post("/api/v1/merchant/orders/" + orderId + "/accept", merchant, Map.of());
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.body().path("status").asString()).isEqualTo("ACCEPTED");
		assertThat(api().post("/api/v1/merchant/orders/" + orderId + "/accept", merchant, Map.of()).status())
			.as("accepting twice")
			.isEqualTo(409);
		Response ready = api().post("/api/v1/merchant/orders/" + orderId + "/ready", merchant, Map.of());
		assertThat(ready.body().path("status").asString()).isEqualTo("READY");

		assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("status").asString()).isEqualTo("READY");
		assertThat(timelineTypes(student, orderId)).containsSubsequence("PAID", "ACCEPTED", "READY");
		assertThat(orderIds(api().get("/api/v1/merchant/orders?status=READY", merchant))).contains(orderId);
	}

	@Test
	void rejectingAPaidOrderRefundsItAndGivesItsStockBack() {
		Session student = student(82);
		long merchantId = merchant().path("id").asLong();
		long itemId = menuItemId(merchant().path("id").asLong(), "肉夹馍");
		int before = stockLeft(merchantId, itemId);
		String orderId = paidOrder(student, orderBody(merchant(), itemId, 2));
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before - 2);

		Response rejected = api().post("/api/v1/merchant/orders/" + orderId + "/reject", merchantAccount(merchantId),
				Map.of("reason", "卖完了 sold out at the stall"));

		assertThat(rejected.status()).as(rejected.raw().body()).isEqualTo(200);
		assertThat(rejected.body().path("status").asString()).as("refunds are confirmed later").isEqualTo("CANCELLED");
		awaitStatus(student, orderId, "REFUNDED");
		long order = Long.parseLong(orderId);
		assertThat(count("select count(*) from payment.refund where order_id = ? and status = 'SUCCEEDED'", order))
			.isEqualTo(1);
		assertThat(count("select count(*) from payment.ledger where order_id = ? and kind = 'REFUND'", order))
			.isEqualTo(1);
		assertThat(
				count("select count(*) from payment.sandbox_charge where order_id = ? and status = 'REFUNDED'", order))
			.isEqualTo(1);
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before);
		assertThat(timelineTypes(student, orderId)).containsSubsequence("PAID", "CANCELLED", "STOCK_RELEASED",
				"REFUND_REQUESTED", "REFUND", "REFUNDED");
	}

	@Test
	void aStudentCannotUseMerchantRoutesAndAnUnknownStatusIsRefused() {
		assertThat(api().get("/api/v1/merchant/orders", student(83)).status()).isEqualTo(403);
		Response bad = api().get("/api/v1/merchant/orders?status=EATEN",
				merchantAccount(merchant().path("id").asLong()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.code()).isEqualTo("VALIDATION");
	}

	private static List<String> orderIds(Response page) {
		List<String> ids = new ArrayList<>();
		page.body().path("orders").forEach((order) -> ids.add(order.path("orderId").asString()));
		return ids;
	}

}
