package org.lunchrush;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The happy path, through HTTP as the apps use it: login → menu → order → pay → PAID.
 */
class OrderJourneyIT extends IntegrationTest {

	@Test
	void theOrderHistoryPagesThroughEveryOrderOnceNewestFirst() {
		Session student = student(187);
		JsonNode merchant = merchantNamed("第一食堂·川味小炒");
		long merchantId = merchant.path("id").asLong();
		JsonNode rice = menuItem(merchantId, "米饭");
		List<String> placed = new java.util.ArrayList<>();
		for (int n = 0; n < 5; n++) {
			String orderId = placeAcceptedOrder(student,
					Map.of("merchantId", merchantId, "deliveryBuildingId", firstDeliveryBuilding(merchant), "items",
							List.of(Map.of("itemId", rice.path("itemId").asLong(), "quantity", 1))));
			awaitStatus(student, orderId, "PENDING_PAYMENT");
			placed.add(0, orderId);
		}
		// Other tests may have ordered as this student before: the pages of two, read one
		// after
		// the other, must give exactly the list in one page, every order once, newest
		// first.
		List<String> all = new java.util.ArrayList<>();
		api().get("/api/v1/orders?mine&page=0&size=100", student)
			.body()
			.path("orders")
			.forEach((order) -> all.add(order.path("orderId").asString()));
		assertThat(all).as("the five just placed, newest first").startsWith(placed.toArray(String[]::new));
		List<String> seen = new java.util.ArrayList<>();
		boolean more = true;
		for (int page = 0; more; page++) {
			JsonNode answer = api().get("/api/v1/orders?mine&page=" + page + "&size=2", student).body();
			answer.path("orders").forEach((order) -> seen.add(order.path("orderId").asString()));
			more = answer.path("hasMore").asBoolean();
			assertThat(page).as("pages").isLessThan(60);
		}
		assertThat(seen).as("every order once, newest first").containsExactlyElementsOf(all);
	}

	@Test
	void studentOrdersPaysAndTheOrderEndsPaid() {
		Session student = student(3);
		JsonNode merchant = merchantNamed("第一食堂·川味小炒");
		long merchantId = merchant.path("id").asLong();
		assertThat(merchant.path("open").asBoolean()).isTrue();
		JsonNode chicken = menuItem(merchantId, "宫保鸡丁");
		JsonNode rice = menuItem(merchantId, "米饭");
		int chickenBefore = chicken.path("stockLeft").asInt();

		Response placed = placeOrder(student,
				Map.of("merchantId", merchantId, "deliveryBuildingId", firstDeliveryBuilding(merchant), "items",
						List.of(Map.of("itemId", chicken.path("itemId").asLong(), "quantity", 2),
								Map.of("itemId", rice.path("itemId").asLong(), "quantity", 2)),
						"note", "少辣", "priceCents", 1));

		assertThat(placed.status()).isEqualTo(202);
		assertThat(placed.body().path("status").asString()).isEqualTo("PLACED");
		int expectedTotal = 2 * chicken.path("priceCents").asInt() + 2 * rice.path("priceCents").asInt();
		assertThat(placed.body().path("totalCents").asInt()).as("server-side price").isEqualTo(expectedTotal);
		assertThat(placed.body().path("payBy").asString()).isNotBlank();
		String orderId = placed.body().path("orderId").asString();
		assertThat(stockLeft(merchantId, chicken.path("itemId").asLong())).isEqualTo(chickenBefore - 2);

		JsonNode pending = awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertThat(pending.path("items")).hasSize(2);
		assertThat(pending.path("note").asString()).isEqualTo("少辣");

		Response payment = api().post("/api/v1/orders/" + orderId + "/payment", student, Map.of());
		assertThat(payment.status()).as(payment.raw().body()).isEqualTo(200);
		String paymentId = payment.body().path("paymentId").asString();
		assertThat(payment.body().path("payUrl").asString()).endsWith("/sandbox-pay/" + paymentId);
		Response again = api().post("/api/v1/orders/" + orderId + "/payment", student, Map.of());
		assertThat(again.body().path("paymentId").asString()).as("same payment on repeat").isEqualTo(paymentId);

		Response checkout = api().get("/sandbox-pay/" + paymentId, null);
		assertThat(checkout.status()).isEqualTo(200);
		assertThat(checkout.raw().body()).contains("确认支付")
			.contains(String.format("%d.%02d", expectedTotal / 100, expectedTotal % 100));
		Response confirmed = api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of());
		assertThat(confirmed.status()).isEqualTo(200);

		awaitStatus(student, orderId, "PAID");
		assertThat(timelineTypes(student, orderId)).containsSubsequence("PLACED", "PENDING_PAYMENT",
				"PAYMENT_REQUESTED", "MESSAGE", "PAID");
		Response mine = api().get("/api/v1/orders?mine", student);
		assertThat(mine.body().path("orders").get(0).path("orderId").asString()).isEqualTo(orderId);
	}

}
