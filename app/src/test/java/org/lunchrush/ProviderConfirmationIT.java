package org.lunchrush;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money moves only for real: a notification signed with the provider's key is still
 * refused when it names nothing the platform asked for or the provider does not confirm
 * it; it is answered {@code 422 NOTIFICATION_REFUSED}, changes neither the order nor the
 * ledger, and is kept for an operator. Genuine payments and refunds go through as before.
 * Students 161 to 166.
 */
class ProviderConfirmationIT extends IntegrationTest {

	private static final String REFUSED_METER = "lunchrush.payment.notifications.refused";

	@Autowired
	private MeterRegistry meters;

	@Nested
	class ChargeNotifications {

		@Test
		void aChargeWithAnInventedTransactionSignedWithTheProviderKeyIsRefusedAndPaysNothing() {
			Session student = student(161);
			Order order = pendingOrder(student);
			double alertsBefore = refusals("charge", "unconfirmed");

			Response answer = notifyAsProvider(
					charge(order.paymentId(), order.id(), "SBX-INVENTED-" + order.id(), order.totalCents()));

			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(422);
			assertThat(answer.code()).isEqualTo("NOTIFICATION_REFUSED");
			assertThat(answer.body().path("details").path("reason").asString()).isEqualTo("UNCONFIRMED");
			await().pollDelay(Duration.ofSeconds(1)).atMost(PIPELINE).untilAsserted(() -> {
				assertThat(status(student, order.id())).isEqualTo("PENDING_PAYMENT");
			});
			assertThat(count("select count(*) from payment.ledger where order_id = ?", order.number())).isZero();
			assertThat(count("select count(*) from payment.notification where payment_id = ?",
					Long.parseLong(order.paymentId())))
				.isZero();
			assertThat(refusals("charge", "unconfirmed")).as("alerted").isEqualTo(alertsBefore + 1);
			JsonNode record = refusedRecord("SBX-INVENTED-" + order.id());
			assertThat(record.path("kind").asString()).isEqualTo("CHARGE");
			assertThat(record.path("reason").asString()).isEqualTo("UNCONFIRMED");
			assertThat(record.path("orderId").asString()).isEqualTo(order.id());
			assertInvariantsHold();
		}

		@Test
		void aChargeTheProviderTookButForAnotherAmountIsRefused() {
			Session student = student(162);
			Order order = pendingOrder(student);
			String transactionId = payAtTheProviderWithoutNotifying(order);

			Response answer = notifyAsProvider(charge(order.paymentId(), order.id(), transactionId, 1));

			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(422);
			assertThat(answer.body().path("details").path("reason").asString()).isEqualTo("MISMATCH");
			assertThat(count("select count(*) from payment.ledger where order_id = ? and amount_cents = 1",
					order.number()))
				.isZero();
			// The real charge is still found by asking the provider, at its real amount.
			awaitStatus(student, order.id(), "PAID");
			assertThat(count("select coalesce(sum(amount_cents), 0) from payment.ledger where order_id = ?",
					order.number()))
				.isEqualTo(order.totalCents());
		}

		@Test
		void aChargeTheProviderCannotBeAskedAboutIsAnsweredBusyAndAppliedWhenSentAgain() {
			Session student = student(163);
			Order order = pendingOrder(student);
			String transactionId = payAtTheProviderWithoutNotifying(order);
			byte[] genuine = charge(order.paymentId(), order.id(), transactionId, order.totalCents());

			Response busy;
			// The provider's books out of reach: the query the platform makes fails.
			jdbc.sql("alter table payment.sandbox_charge rename to sandbox_charge_away").update();
			try {
				busy = notifyAsProvider(genuine);
			}
			finally {
				jdbc.sql("alter table payment.sandbox_charge_away rename to sandbox_charge").update();
			}

			assertThat(busy.status()).as(busy.raw().body()).isEqualTo(503);
			assertThat(busy.code()).isEqualTo("BUSY");
			assertThat(count("select count(*) from payment.ledger where order_id = ?", order.number())).isZero();
			Response again = notifyAsProvider(genuine);
			assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
			awaitStatus(student, order.id(), "PAID");
			assertThat(
					count("select count(*) from payment.ledger where order_id = ? and kind = 'CHARGE'", order.number()))
				.isEqualTo(1);
		}

	}

	@Nested
	class RefundNotifications {

		@Test
		void aRefundThePlatformNeverRequestedIsRefusedAndThePaidOrderKeepsItsMoney() {
			Session student = student(164);
			Order order = paid(student);
			String transactionId = transactionOf(order);
			double alertsBefore = refusals("refund", "unrequested");

			Response answer = notifyAsProvider(refund(order, transactionId, "SBR-FORGED-" + order.id(),
					Long.toString(order.number()), order.totalCents()));

			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(422);
			assertThat(answer.code()).isEqualTo("NOTIFICATION_REFUSED");
			assertThat(answer.body().path("details").path("reason").asString()).isEqualTo("UNREQUESTED");
			await().pollDelay(Duration.ofSeconds(1)).atMost(PIPELINE).untilAsserted(() -> {
				assertThat(status(student, order.id())).isEqualTo("PAID");
			});
			assertThat(
					count("select count(*) from payment.ledger where order_id = ? and kind = 'CHARGE'", order.number()))
				.isEqualTo(1);
			assertThat(
					count("select count(*) from payment.ledger where order_id = ? and kind = 'REFUND'", order.number()))
				.isZero();
			assertThat(count("select count(*) from payment.refund where order_id = ?", order.number())).isZero();
			assertThat(refusals("refund", "unrequested")).as("alerted").isEqualTo(alertsBefore + 1);
			JsonNode record = refusedRecord("SBR-FORGED-" + order.id());
			assertThat(record.path("kind").asString()).isEqualTo("REFUND");
			assertThat(record.path("reason").asString()).isEqualTo("UNREQUESTED");
			assertThat(record.path("transactionId").asString()).isEqualTo(transactionId);
			assertInvariantsHold();
		}

		@Test
		void aRefundNamingAnotherAmountOrTransactionThanRequestedIsRefused() {
			Session student = student(165);
			Order order = paid(student);
			String transactionId = transactionOf(order);
			assertThat(api().post("/api/v1/orders/" + order.id() + "/cancel", student, Map.of()).status())
				.isEqualTo(200);
			awaitStatus(student, order.id(), "REFUNDED");
			String refundId = jdbc.sql("select id::text from payment.refund where order_id = ?")
				.param(order.number())
				.query(String.class)
				.single();

			Response moreMoney = notifyAsProvider(
					refund(order, transactionId, "SBR-MORE-" + order.id(), refundId, order.totalCents() + 100));
			Response otherTransaction = notifyAsProvider(
					refund(order, "SBX-OTHER-" + order.id(), "SBR-OTHER-" + order.id(), refundId, order.totalCents()));

			assertThat(moreMoney.status()).as(moreMoney.raw().body()).isEqualTo(422);
			assertThat(moreMoney.body().path("details").path("reason").asString()).isEqualTo("MISMATCH");
			assertThat(otherTransaction.status()).as(otherTransaction.raw().body()).isEqualTo(422);
			assertThat(otherTransaction.body().path("details").path("reason").asString()).isEqualTo("MISMATCH");
			assertThat(
					count("select count(*) from payment.ledger where order_id = ? and kind = 'REFUND'", order.number()))
				.isEqualTo(1);
			assertThat(timelineTypes(student, order.id())).containsOnlyOnce("REFUND");
		}

	}

	@Nested
	class GenuineMoney {

		@Test
		void aGenuinePaymentAndTheRefundOfItsCancellationStillGoThrough() {
			Session student = student(166);
			Order order = paid(student);

			assertThat(api().post("/api/v1/orders/" + order.id() + "/cancel", student, Map.of()).status())
				.isEqualTo(200);

			awaitStatus(student, order.id(), "REFUNDED");
			assertThat(
					count("select count(*) from payment.ledger where order_id = ? and kind = 'CHARGE'", order.number()))
				.isEqualTo(1);
			assertThat(
					count("select count(*) from payment.ledger where order_id = ? and kind = 'REFUND'", order.number()))
				.isEqualTo(1);
			assertThat(count("select count(*) from payment.refused_notification where order_id = ?", order.number()))
				.isZero();
			assertInvariantsHold();
		}

	}

	@Nested
	class TheOperatorsList {

		@Test
		void isForOperatorsOnlyAndPagedWithinBounds() {
			Session admin = api().login("admin");

			assertThat(api().get("/api/v1/admin/refused-notifications", student(161)).status()).isEqualTo(403);
			assertThat(api().get("/api/v1/admin/refused-notifications?size=20", admin).status()).isEqualTo(200);
			assertThat(api().get("/api/v1/admin/refused-notifications?size=0", admin).code()).isEqualTo("VALIDATION");
			assertThat(api().get("/api/v1/admin/refused-notifications?size=101", admin).code()).isEqualTo("VALIDATION");
			assertThat(api().get("/api/v1/admin/refused-notifications?page=-1", admin).code()).isEqualTo("VALIDATION");
		}

	}

	private record Order(String id, String paymentId, int totalCents) {

		long number() {
			return Long.parseLong(this.id);
		}

	}

	/**
	 * An order waiting for its payment, whose payment is opened with the provider.
	 */
	private Order pendingOrder(Session student) {
		JsonNode merchant = merchantNamed("第二食堂·西北面馆");
		String orderId = placeAcceptedOrder(student, orderBody(merchant, firstItemId(merchant), 1));
		int total = awaitStatus(student, orderId, "PENDING_PAYMENT").path("totalCents").asInt();
		return new Order(orderId, requestPayment(student, orderId), total);
	}

	private Order paid(Session student) {
		JsonNode merchant = merchantNamed("第二食堂·西北面馆");
		String orderId = paidOrder(student, orderBody(merchant, firstItemId(merchant), 1));
		JsonNode order = api().get("/api/v1/orders/" + orderId, student).body();
		String paymentId = jdbc.sql("select id::text from payment.payment where order_id = ?")
			.param(Long.parseLong(orderId))
			.query(String.class)
			.single();
		return new Order(orderId, paymentId, order.path("totalCents").asInt());
	}

	/**
	 * The student pays at the provider, whose own notification is lost on the way.
	 * @return the provider's transaction id
	 */
	private String payAtTheProviderWithoutNotifying(Order order) {
		Response paid = api().post("/sandbox-pay/" + order.paymentId() + "/confirm?notify=false", null, Map.of());
		assertThat(paid.status()).isEqualTo(200);
		return paid.body().path("transactionId").asString();
	}

	private String transactionOf(Order order) {
		return jdbc.sql("select transaction_id from payment.payment where order_id = ?")
			.param(order.number())
			.query(String.class)
			.single();
	}

	private static byte[] charge(String paymentId, String orderId, String transactionId, int amountCents) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("notifyId", "n-" + System.nanoTime());
		body.put("transactionId", transactionId);
		body.put("paymentId", paymentId);
		body.put("outTradeNo", orderId);
		body.put("amountCents", amountCents);
		body.put("status", "SUCCESS");
		body.put("paidAt", Instant.now().toString());
		return Api.json().writeValueAsBytes(body);
	}

	private static byte[] refund(Order order, String transactionId, String providerRefundId, String outRefundNo,
			int amountCents) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("notifyId", "n-" + System.nanoTime());
		body.put("type", "REFUND");
		body.put("refundId", providerRefundId);
		body.put("outRefundNo", outRefundNo);
		body.put("transactionId", transactionId);
		body.put("paymentId", order.paymentId());
		body.put("outTradeNo", order.id());
		body.put("amountCents", amountCents);
		body.put("status", "SUCCESS");
		body.put("refundedAt", Instant.now().toString());
		return Api.json().writeValueAsBytes(body);
	}

	private String status(Session student, String orderId) {
		return api().get("/api/v1/orders/" + orderId, student).body().path("status").asString();
	}

	private double refusals(String kind, String reason) {
		Counter counter = this.meters.find(REFUSED_METER).tag("kind", kind).tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * @return the refused notification an operator sees for a provider transaction or
	 * refund id
	 */
	private JsonNode refusedRecord(String reference) {
		Response list = api().get("/api/v1/admin/refused-notifications?size=100", api().login("admin"));
		assertThat(list.status()).as(list.raw().body()).isEqualTo(200);
		for (JsonNode record : list.body()) {
			if (reference.equals(record.path("reference").asString())) {
				return record;
			}
		}
		throw new AssertionError("no refused notification " + reference + " in " + list.raw().body());
	}

}
