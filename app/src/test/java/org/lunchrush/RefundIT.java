package org.lunchrush;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.payment.PaymentChecks;
import org.lunchrush.payment.Payments;
import org.lunchrush.payment.RefundReceipt;
import org.lunchrush.payment.sandbox.SandboxSignature;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds go through the provider port and come back as signed notifications; the ledger
 * records each movement of money once, whatever order and however often the provider's
 * notifications arrive. Students 21 to 24.
 */
class RefundIT extends IntegrationTest {

	@Autowired
	private Payments payments;

	@Autowired
	private PaymentChecks checks;

	@Test
	void aRefundIsAskedOnceConfirmedOnceAndRecordedOnceInTheLedger() {
		Session student = student(21);
		JsonNode merchant = merchantNamed("第一食堂·东北水饺");
		long itemId = firstItemId(merchant);
		String orderId = paidOrder(student, orderBody(merchant, itemId, 1));
		long order = Long.parseLong(orderId);
		String transactionId = jdbc.sql("select transaction_id from payment.payment where order_id = ?")
			.param(order)
			.query(String.class)
			.single();

		Response cancelled = api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of());
		assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
		awaitStatus(student, orderId, "REFUNDED");

		RefundReceipt again = this.payments.refund(order, transactionId, "asked twice");
		assertThat(again.status()).isEqualTo("SUCCEEDED");
		JsonNode refund = refundNotification(order);
		Response redelivered = notifyAsProvider(Api.json().writeValueAsBytes(refund));
		assertThat(redelivered.status()).isEqualTo(200);
		assertThat(redelivered.body().path("result").asString()).isEqualTo("DUPLICATE");

		assertThat(count("select count(*) from payment.refund where order_id = ?", order)).isEqualTo(1);
		assertThat(count("select count(*) from payment.ledger where order_id = ? and kind = 'CHARGE'", order))
			.isEqualTo(1);
		assertThat(count("select count(*) from payment.ledger where order_id = ? and kind = 'REFUND'", order))
			.isEqualTo(1);
		assertThat(
				count("select count(*) from payment.sandbox_charge where order_id = ? and status = 'REFUNDED'", order))
			.as("the provider gave the money back once")
			.isEqualTo(1);
		assertThat(timelineTypes(student, orderId)).containsOnlyOnce("REFUND_REQUESTED", "REFUND", "REFUNDED");
		assertThat(this.checks.keptCharges(List.of(order))).isEmpty();
	}

	/**
	 * The provider used to be trusted to refund on its own: a refund reported before the
	 * charge was recorded and netted the order to zero. The platform now applies only the
	 * refunds it requested, so this one is refused and the charge, which the provider
	 * confirms, pays the order.
	 */
	@Test
	void aRefundReportedBeforeItsChargeIsRefusedAndTheChargeStillPaysTheOrder() {
		Session student = student(22);
		JsonNode merchant = merchantNamed("第一食堂·东北水饺");
		long itemId = firstItemId(merchant);
		String orderId = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		JsonNode placed = awaitStatus(student, orderId, "PENDING_PAYMENT");
		String paymentId = requestPayment(student, orderId);
		int amount = placed.path("totalCents").asInt();
		Response paid = api().post("/sandbox-pay/" + paymentId + "/confirm?notify=false", null, Map.of());
		String transactionId = paid.body().path("transactionId").asString();

		Map<String, Object> refund = notification(paymentId, orderId, transactionId, amount);
		refund.put("type", "REFUND");
		refund.put("refundId", "SBR-AT-PROVIDER-" + orderId);
		refund.put("refundedAt", Instant.now().toString());
		Map<String, Object> charge = notification(paymentId, orderId, transactionId, amount);
		charge.put("paidAt", Instant.now().minusSeconds(5).toString());

		Response refused = notifyAsProvider(Api.json().writeValueAsBytes(refund));
		assertThat(refused.status()).as(refused.raw().body()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("NOTIFICATION_REFUSED");
		assertThat(post(charge).body().path("result").asString()).isIn("APPLIED", "DUPLICATE");
		assertThat(notifyAsProvider(Api.json().writeValueAsBytes(refund)).status()).isEqualTo(422);
		assertThat(post(charge).body().path("result").asString()).isEqualTo("DUPLICATE");

		long order = Long.parseLong(orderId);
		awaitStatus(student, orderId, "PAID");
		assertThat(count("select count(*) from payment.ledger where order_id = ? and kind = 'CHARGE'", order))
			.isEqualTo(1);
		assertThat(count("select count(*) from payment.ledger where order_id = ? and kind = 'REFUND'", order)).isZero();
		assertThat(count("select copies from payment.refused_notification where reference = ?",
				"SBR-AT-PROVIDER-" + orderId))
			.as("both copies of the refused refund are on record")
			.isEqualTo(2);
	}

	@Test
	void aForgedRefundNotificationChangesNothing() {
		Session student = student(23);
		JsonNode merchant = merchantNamed("第一食堂·东北水饺");
		long itemId = firstItemId(merchant);
		String orderId = paidOrder(student, orderBody(merchant, itemId, 1));
		long order = Long.parseLong(orderId);
		String paymentId = jdbc.sql("select id::text from payment.payment where order_id = ?")
			.param(order)
			.query(String.class)
			.single();
		String transactionId = jdbc.sql("select transaction_id from payment.payment where order_id = ?")
			.param(order)
			.query(String.class)
			.single();
		int amount = api().get("/api/v1/orders/" + orderId, student).body().path("totalCents").asInt();
		Map<String, Object> refund = notification(paymentId, orderId, transactionId, amount);
		refund.put("type", "REFUND");
		refund.put("refundId", "SBR-FORGED-" + orderId);
		refund.put("refundedAt", Instant.now().toString());

		Response forged = api().postBytes(PROVIDER_NOTIFY, Api.json().writeValueAsBytes(refund), "X-Signature",
				SandboxSignature.sign(Api.json().writeValueAsBytes(refund), "a-key-the-provider-never-had"));

		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("SIGNATURE_INVALID");
		assertThat(count("select count(*) from payment.ledger where order_id = ? and kind = 'REFUND'", order)).isZero();
		assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("status").asString()).isEqualTo("PAID");
	}

	private static Map<String, Object> notification(String paymentId, String orderId, String transactionId,
			int amount) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("notifyId", "n-" + System.nanoTime());
		body.put("transactionId", transactionId);
		body.put("paymentId", paymentId);
		body.put("outTradeNo", orderId);
		body.put("amountCents", amount);
		body.put("status", "SUCCESS");
		return body;
	}

	private Response post(Map<String, Object> notification) {
		byte[] body = Api.json().writeValueAsBytes(notification);
		Response answer = notifyAsProvider(body);
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
		return answer;
	}

	/**
	 * The refund notification as the provider sent it, rebuilt from what it recorded.
	 */
	private JsonNode refundNotification(long order) {
		String stored = jdbc.sql("""
				select n.body from payment.refund_notification n join payment.refund r on r.id = n.refund_id
				where r.order_id = ?
				""").param(order).query(String.class).single();
		return Api.json().readTree(stored);
	}

}
