package org.lunchrush;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When payment updates queue up, a VIP student's is applied first: it travels with a
 * higher RabbitMQ message priority.
 */
class PaymentPriorityIT extends IntegrationTest {

	private static final String QUEUE = "lunchrush.ordering.payment-status";

	@Autowired
	private RabbitListenerEndpointRegistry listeners;

	@Autowired
	private AmqpAdmin rabbit;

	@Test
	void aVipPaymentOvertakesAStandardOneWaitingInTheQueue() {
		JsonNode merchant = merchantNamed("第二食堂·黄焖鸡米饭");
		long itemId = menuItemId(merchant.path("id").asLong(), "黄焖鸡米饭");
		Session standard = student(71);
		Session vip = api().login("vip1");
		String standardOrder = pendingOrderWithPayment(standard, merchant, itemId);
		String vipOrder = pendingOrderWithPayment(vip, merchant, itemId);

		var consumer = this.listeners.getListenerContainer("ordering-payment-status");
		consumer.stop();
		try {
			confirm(standard, standardOrder);
			confirm(vip, vipOrder);
			await().atMost(PIPELINE).until(() -> this.rabbit.getQueueInfo(QUEUE).getMessageCount() == 2);
		}
		finally {
			consumer.start();
		}

		OffsetDateTime vipPaid = paidAt(vip, vipOrder);
		OffsetDateTime standardPaid = paidAt(standard, standardOrder);
		assertThat(vipPaid).as("the VIP payment, confirmed second, is applied first").isBefore(standardPaid);
	}

	private String pendingOrderWithPayment(Session student, JsonNode merchant, long itemId) {
		String orderId = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		return orderId;
	}

	private void confirm(Session student, String orderId) {
		String paymentId = requestPayment(student, orderId);
		assertThat(api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of()).status()).isEqualTo(200);
	}

	private OffsetDateTime paidAt(Session student, String orderId) {
		awaitStatus(student, orderId, "PAID");
		for (JsonNode entry : api().get("/api/v1/orders/" + orderId + "/timeline", student).body()) {
			if ("PAID".equals(entry.path("type").asString())) {
				return OffsetDateTime.parse(entry.path("at").asString());
			}
		}
		throw new AssertionError("no PAID entry on the timeline of " + orderId);
	}

}
