package org.lunchrush;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the provider did but never told is found by asking it; the daily settlement report
 * matches the ledger with the orders. Students 27 to 29.
 */
class ReconciliationIT extends IntegrationTest {

	@Test
	void aPaymentWhoseCallbackNeverArrivesIsAppliedByAskingTheProvider() {
		Session student = student(27);
		JsonNode merchant = merchantNamed("第二食堂·西北面馆");
		long itemId = firstItemId(merchant);
		String orderId = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		String paymentId = requestPayment(student, orderId);

		Response paid = api().post("/sandbox-pay/" + paymentId + "/confirm?notify=false", null, Map.of());
		assertThat(paid.status()).isEqualTo(200);

		// Test reconciliation: grace 2 s, every 1 s (the platform's default is 60 s).
		awaitStatus(student, orderId, "PAID");
		long order = Long.parseLong(orderId);
		assertThat(count("select count(*) from payment.ledger where order_id = ? and kind = 'CHARGE'", order))
			.isEqualTo(1);

		// The callback turns up after all: nothing changes.
		String body = jdbc
			.sql("select n.body from payment.notification n join payment.payment p on p.id = n.payment_id "
					+ "where p.order_id = ?")
			.param(order)
			.query(String.class)
			.single();
		byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Response late = notifyAsProvider(bytes);
		assertThat(late.body().path("result").asString()).isEqualTo("DUPLICATE");
		assertThat(timelineTypes(student, orderId)).containsOnlyOnce("PAID");
	}

	@Test
	void theSettlementReportMatchesEachMerchantsMoneyWithItsOrders() {
		JsonNode merchant = merchantNamed("第一食堂·轻食沙拉");
		long merchantId = merchant.path("id").asLong();
		long itemId = firstItemId(merchant);
		Session student = student(28);
		String kept = paidOrder(student, orderBody(merchant, itemId, 2));
		String refunded = paidOrder(student, orderBody(merchant, itemId, 1));
		api().post("/api/v1/orders/" + refunded + "/cancel", student, Map.of());
		awaitStatus(student, refunded, "REFUNDED");
		String unpaid = placeAcceptedOrder(student(29), orderBody(merchant, itemId, 1));
		awaitStatus(student(29), unpaid, "PENDING_PAYMENT");
		int keptTotal = api().get("/api/v1/orders/" + kept, student).body().path("totalCents").asInt();
		int refundedTotal = api().get("/api/v1/orders/" + refunded, student).body().path("totalCents").asInt();

		Response report = api().get("/api/v1/admin/settlements", api().login("admin"));

		assertThat(report.status()).as(report.raw().body()).isEqualTo(200);
		assertThat(report.body().path("day").asString())
			.isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
		JsonNode mine = null;
		for (JsonNode entry : report.body().path("merchants")) {
			if (entry.path("merchantId").asLong() == merchantId) {
				mine = entry;
			}
		}
		assertThat(mine).as("the merchant has a line").isNotNull();
		JsonNode totals = mine.path("totals");
		assertThat(totals.path("orders").asInt()).isEqualTo(3);
		assertThat(totals.path("deliverableOrders").asInt()).isEqualTo(1);
		assertThat(totals.path("salesCents").asLong()).isEqualTo(keptTotal);
		assertThat(totals.path("chargedCents").asLong()).isEqualTo(keptTotal + refundedTotal);
		assertThat(totals.path("refundedCents").asLong()).isEqualTo(refundedTotal);
		assertThat(totals.path("netCents").asLong()).isEqualTo(keptTotal);
		assertThat(totals.path("discrepancies").asInt()).isZero();
		assertThat(mine.path("name").asString()).isEqualTo("第一食堂·轻食沙拉");

		assertThat(api().get("/api/v1/admin/settlements?date=yesterday", api().login("admin")).code())
			.isEqualTo("VALIDATION");
		assertThat(api().get("/api/v1/admin/settlements", student).status()).isEqualTo(403);
	}

}
