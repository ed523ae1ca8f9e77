package org.lunchrush;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import org.lunchrush.support.Services;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RabbitMQ stops for 20 seconds while students are paying: the payments are recorded and
 * their status updates wait in the outbox; once RabbitMQ is back every one is applied,
 * once. Students 61 to 70.
 */
class RabbitOutageIT extends IntegrationTest {

	@AfterEach
	void rabbitIsBack() {
		Services.startRabbit();
	}

	@Test
	void everyPaymentConfirmedWhileRabbitMqIsDownIsAppliedOnceItIsBack() throws Exception {
		JsonNode merchant = merchantNamed("第二食堂·潮汕牛肉粉");
		long itemId = menu(merchant.path("id").asLong()).get(1).path("itemId").asLong();
		List<Session> students = new ArrayList<>();
		List<String> orders = new ArrayList<>();
		List<String> payments = new ArrayList<>();
		for (int n = 61; n <= 70; n++) {
			Session student = student(n);
			String orderId = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
			awaitStatus(student, orderId, "PENDING_PAYMENT");
			students.add(student);
			orders.add(orderId);
			payments.add(requestPayment(student, orderId));
		}

		Services.stopRabbit();
		long stoppedAt = System.nanoTime();
		for (String paymentId : payments) {
			assertThat(api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of()).status()).isEqualTo(200);
		}
		Thread.sleep(Math.max(0, 20_000 - (System.nanoTime() - stoppedAt) / 1_000_000));
		assertThat(count("select count(*) from payment.ledger where kind = 'CHARGE' and order_id in ("
				+ String.join(",", orders) + ")"))
			.as("the provider's callbacks were taken while RabbitMQ was down")
			.isEqualTo(orders.size());
		assertThat(count("select count(*) from ordering.orders where status = 'PAID' and id in ("
				+ String.join(",", orders) + ")"))
			.as("no status update could travel")
			.isZero();
		Services.startRabbit();

		for (int i = 0; i < orders.size(); i++) {
			awaitStatus(students.get(i), orders.get(i), "PAID");
			assertThat(timelineTypes(students.get(i), orders.get(i))).containsOnlyOnce("PAID")
				.doesNotContain("CANCELLED");
		}
		assertThat(count("select count(*) from payment.refund where order_id in (" + String.join(",", orders) + ")"))
			.as("paid in time, so nothing to refund although the deadline passed during the outage")
			.isZero();
		assertInvariantsHold();
	}

}
