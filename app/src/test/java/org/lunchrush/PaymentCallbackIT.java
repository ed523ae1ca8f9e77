package org.lunchrush;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.payment.sandbox.SandboxSignature;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's notifications: signed, possibly repeated, possibly forged.
 */
class PaymentCallbackIT extends IntegrationTest {

	@Test
	void oneCallbackDeliveredThreeTimesAndOneForgedMakeOnePayment() {
		Session student = student(31);
		JsonNode merchant = merchantNamed("第一食堂·广式烧腊");
		long itemId = menuItemId(merchant.path("id").asLong(), "蜜汁叉烧饭");
		String orderId = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		JsonNode order = awaitStatus(student, orderId, "PENDING_PAYMENT");
		String paymentId = requestPayment(student, orderId);
		// The student pays at the provider, whose own notification is lost: the test
		// delivers it instead, three times. The provider confirms this transaction when
		// the platform asks, so it is applied.
		Response paid = api().post("/sandbox-pay/" + paymentId + "/confirm?notify=false", null, Map.of());
		String transactionId = paid.body().path("transactionId").asString();

		Map<String, Object> notification = new LinkedHashMap<>();
		notification.put("notifyId", "n-1");
		notification.put("transactionId", transactionId);
		notification.put("paymentId", paymentId);
		notification.put("outTradeNo", orderId);
		notification.put("amountCents", order.path("totalCents").asInt());
		notification.put("status", "SUCCESS");
		notification.put("paidAt", Instant.now().toString());
		byte[] body = Api.json().writeValueAsBytes(notification);

		Response forged = api().postBytes(PROVIDER_NOTIFY, body, "X-Signature",
				SandboxSignature.sign(body, "not-the-merchant-key-at-all"));
		Response unsigned = api().postBytes(PROVIDER_NOTIFY, body);
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("SIGNATURE_INVALID");
		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(count("select count(*) from payment.notification where payment_id = ?", Long.parseLong(paymentId)))
			.as("a forged notification changes nothing")
			.isZero();

		List<String> results = new ArrayList<>();
		for (int delivery = 0; delivery < 3; delivery++) {
			Response answer = notifyAsProvider(body);
			assertThat(answer.status()).isEqualTo(200);
			results.add(answer.body().path("result").asString());
		}
		// Reconciliation asks the provider about payments still open after 2 s; on a slow
		// machine it may apply the charge before the first copy, which is then a
		// duplicate.
		assertThat(results.subList(1, 3)).containsOnly("DUPLICATE");
		assertThat(results.get(0)).isIn("APPLIED", "DUPLICATE");

		awaitStatus(student, orderId, "PAID");
		assertThat(count("select count(*) from payment.notification where payment_id = ?", Long.parseLong(paymentId)))
			.isEqualTo(1);
		assertThat(count("select count(*) from payment.payment where order_id = ? and status = 'SUCCEEDED'",
				Long.parseLong(orderId)))
			.isEqualTo(1);
		assertThat(timelineTypes(student, orderId)).containsOnlyOnce("PAID");
		assertThat(count("select count(*) from payment.refund where order_id = ?", Long.parseLong(orderId))).isZero();
	}

	@Test
	void tamperingWithASignedBodyBreaksTheSignature() {
		byte[] body = "{\"transactionId\":\"x\",\"amountCents\":1}".getBytes(StandardCharsets.UTF_8);
		String signature = providerSignature(body);
		byte[] tampered = "{\"transactionId\":\"x\",\"amountCents\":9}".getBytes(StandardCharsets.UTF_8);
		Response answer = api().postBytes(PROVIDER_NOTIFY, tampered, "X-Signature", signature);
		assertThat(answer.status()).isEqualTo(401);
	}

}
