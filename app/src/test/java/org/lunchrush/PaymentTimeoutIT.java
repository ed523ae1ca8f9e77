package org.lunchrush;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unpaid order is cancelled at its deadline (20 s in the tests, 15 min by default) and
 * its stock goes back, exactly once; money that arrives afterwards goes back too.
 */
class PaymentTimeoutIT extends IntegrationTest {

	@Autowired
	private StringRedisTemplate redis;

	@Test
	void unpaidOrderIsCancelledAtItsDeadlineAndALatePaymentIsRefunded() {
		Session student = student(41);
		JsonNode merchant = merchantNamed("第一食堂·麻辣香锅");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "香辣虾");
		int before = stockLeft(merchantId, itemId);

		String orderId = placeAcceptedOrder(student, orderBody(merchant, itemId, 3));
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before - 3);
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		String paymentId = requestPayment(student, orderId);

		awaitStatus(student, orderId, "CANCELLED");
		assertThat(stockLeft(merchantId, itemId)).as("stock released").isEqualTo(before);
		assertThat(timelineTypes(student, orderId)).containsSubsequence("PENDING_PAYMENT", "CANCELLED",
				"STOCK_RELEASED");
		// The counter remembers the release in the day's set beside it, not in the hash
		// the menu reads: a day of cancellations must not make every menu read longer.
		String counter = "lr:stock:{m" + merchantId + "}:"
				+ this.jdbc.sql("select stock_day from ordering.orders where id = ?")
					.param(Long.parseLong(orderId))
					.query(String.class)
					.single();
		assertThat(this.redis.opsForSet().isMember(counter + ":released", orderId)).isTrue();
		assertThat(this.redis.<String, String>opsForHash().keys(counter)).allMatch((field) -> field.equals("_loaded")
				|| field.startsWith("i:") || field.chars().allMatch(Character::isDigit));

		// The student pays at the provider after all: the money must not be kept.
		assertThat(api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of()).status()).isEqualTo(200);

		awaitStatus(student, orderId, "REFUNDED");
		long order = Long.parseLong(orderId);
		assertThat(count("select count(*) from payment.refund where order_id = ? and status = 'SUCCEEDED'", order))
			.isEqualTo(1);
		assertThat(
				count("select count(*) from payment.sandbox_charge where order_id = ? and status = 'REFUNDED'", order))
			.as("the provider gave the money back")
			.isEqualTo(1);
		assertThat(timelineTypes(student, orderId)).containsSubsequence("CANCELLED", "MESSAGE", "REFUND", "REFUNDED");
		// Released exactly once, whatever happened after the cancel.
		assertThat(count("select count(*) from inventory.stock_ledger where order_id = ? and kind = 'RELEASE'", order))
			.isEqualTo(1);
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before);
		assertThat(Duration.between(
				java.time.OffsetDateTime
					.parse(api().get("/api/v1/orders/" + orderId, student).body().path("placedAt").asString()),
				java.time.OffsetDateTime
					.parse(api().get("/api/v1/orders/" + orderId, student).body().path("payBy").asString())))
			.as("the configured deadline")
			.isEqualTo(Duration.ofSeconds(20));
	}

}
