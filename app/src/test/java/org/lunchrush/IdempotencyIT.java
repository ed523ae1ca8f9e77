package org.lunchrush;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class IdempotencyIT extends IntegrationTest {

	@Test
	void sameKeyTwiceGivesOneOrderAndReservesStockOnce() {
		Session student = student(11);
		JsonNode merchant = merchantNamed("第一食堂·兰州拉面");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "牛肉拉面");
		int before = stockLeft(merchantId, itemId);
		Map<String, Object> body = orderBody(merchant, itemId, 1);

		Response first = api().post("/api/v1/orders", student, body, "Idempotency-Key", "lunch-11-a");
		Response second = api().post("/api/v1/orders", student,
				"{ \"items\": [{\"quantity\": 1, \"itemId\": " + itemId + "}], \"merchantId\": " + merchantId
						+ ", \"deliveryBuildingId\": " + firstDeliveryBuilding(merchant) + " }",
				"Idempotency-Key", "lunch-11-a");

		assertThat(first.status()).isEqualTo(202);
		assertThat(second.status()).isEqualTo(202);
		assertThat(second.body()).as("the first answer, replayed").isEqualTo(first.body());
		String orderId = first.body().path("orderId").asString();
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertThat(count("select count(*) from ordering.orders where student_id = ?", student.userId())).isEqualTo(1);
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(before - 1);
	}

	@Test
	void sameKeyWithAnotherBodyIsAConflictAndChangesNothing() {
		Session student = student(12);
		JsonNode merchant = merchantNamed("第一食堂·兰州拉面");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "刀削面");
		Response first = api().post("/api/v1/orders", student, orderBody(merchant, itemId, 1), "Idempotency-Key",
				"lunch-12-a");
		assertThat(first.status()).isEqualTo(202);
		int afterFirst = stockLeft(merchantId, itemId);

		Response other = api().post("/api/v1/orders", student, orderBody(merchant, itemId, 3), "Idempotency-Key",
				"lunch-12-a");

		assertThat(other.status()).isEqualTo(409);
		assertThat(other.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
		assertThat(other.body().path("message").asString()).isEqualTo("该幂等键已用于另一个请求");
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(afterFirst);
		await().atMost(PIPELINE)
			.until(() -> count("select count(*) from ordering.orders where student_id = ?", student.userId()) == 1);
	}

	@Test
	void keysBelongToTheStudentWhoUsedThem() {
		JsonNode merchant = merchantNamed("第一食堂·兰州拉面");
		long itemId = menuItemId(merchant.path("id").asLong(), "卤蛋");
		Response mine = api().post("/api/v1/orders", student(13), orderBody(merchant, itemId, 1), "Idempotency-Key",
				"shared-key");
		Response theirs = api().post("/api/v1/orders", student(14), orderBody(merchant, itemId, 1), "Idempotency-Key",
				"shared-key");
		assertThat(mine.status()).isEqualTo(202);
		assertThat(theirs.status()).isEqualTo(202);
		assertThat(theirs.body().path("orderId").asString()).isNotEqualTo(mine.body().path("orderId").asString());
	}

}
