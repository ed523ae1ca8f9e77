package org.lunchrush;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.catalog.CatalogSetup;
import org.lunchrush.catalog.OpeningHours;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets its 4xx and a stable code, and changes nothing: no stock moves, no order
 * appears, and the idempotency key stays usable.
 */
class BadInputIT extends IntegrationTest {

	private Session student;

	private JsonNode merchant;

	private long merchantId;

	private long itemId;

	@BeforeEach
	void pickOrder() {
		this.student = student(51);
		this.merchant = merchantNamed("第一食堂·东北水饺");
		this.merchantId = this.merchant.path("id").asLong();
		this.itemId = menuItemId(this.merchantId, "三鲜水饺");
	}

	@Nested
	class PlacingAnOrder {

		@Test
		void malformedJsonIsRejected() {
			assertRefusedWithoutEffect("{\"merchantId\": 1, \"items\": [", 400, "VALIDATION");
		}

		@Test
		void negativeQuantityIsRejected() {
			assertRefusedWithoutEffect(orderBodyWithQuantity(-2), 400, "VALIDATION");
		}

		@Test
		void quantityOverTheLimitIsRejected() {
			assertRefusedWithoutEffect(orderBodyWithQuantity(100), 400, "VALIDATION");
		}

		@Test
		void wrongTypesAreRejected() {
			assertRefusedWithoutEffect(
					"{\"merchantId\": \"one\", \"deliveryBuildingId\": 1, \"items\": [{\"itemId\": 1, \"quantity\": 1}]}",
					400, "VALIDATION");
		}

		@Test
		void emptyOrderIsRejected() {
			assertRefusedWithoutEffect(Map.of("merchantId", BadInputIT.this.merchantId, "deliveryBuildingId",
					firstDeliveryBuilding(BadInputIT.this.merchant), "items", List.of()), 400, "VALIDATION");
		}

		@Test
		void unknownItemIsRejected() {
			assertRefusedWithoutEffect(Map.of("merchantId", BadInputIT.this.merchantId, "deliveryBuildingId",
					firstDeliveryBuilding(BadInputIT.this.merchant), "items",
					List.of(Map.of("itemId", BadInputIT.this.itemId, "quantity", 1),
							Map.of("itemId", 987654321L, "quantity", 1))),
					422, "UNKNOWN_ITEM");
		}

		@Test
		void unknownMerchantIsRejected() {
			assertRefusedWithoutEffect(Map.of("merchantId", 987654321L, "deliveryBuildingId", 1, "items",
					List.of(Map.of("itemId", BadInputIT.this.itemId, "quantity", 1))), 422, "UNKNOWN_MERCHANT");
		}

		@Test
		void buildingOutsideTheDeliveryZoneIsRejected() {
			JsonNode shop = merchantNamed("南门·一点点奶茶");
			Set<Long> zone = new java.util.HashSet<>();
			shop.path("deliveryBuildingIds").forEach((id) -> zone.add(id.asLong()));
			long outside = 0;
			for (JsonNode building : api().get("/api/v1/campus", BadInputIT.this.student).body().path("buildings")) {
				if ("DORM".equals(building.path("kind").asString()) && !zone.contains(building.path("id").asLong())) {
					outside = building.path("id").asLong();
				}
			}
			long tea = menu(shop.path("id").asLong()).get(0).path("itemId").asLong();
			Response answer = placeOrder(BadInputIT.this.student, Map.of("merchantId", shop.path("id").asLong(),
					"deliveryBuildingId", outside, "items", List.of(Map.of("itemId", tea, "quantity", 1))));
			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.code()).isEqualTo("OUT_OF_ZONE");
		}

		@Test
		void closedMerchantIsRejected(@Autowired CatalogSetup catalog) {
			LocalTime now = LocalTime.now(ZoneId.of("Asia/Shanghai"));
			LocalTime opens = now.plusHours(2).withMinute(0);
			LocalTime closes = opens.plusHours(1);
			if (closes.isBefore(opens)) {
				opens = LocalTime.of(1, 0);
				closes = LocalTime.of(2, 0);
			}
			long building = firstDeliveryBuilding(BadInputIT.this.merchant);
			long campus = api().get("/api/v1/campus", BadInputIT.this.student).body().path("id").asLong();
			long closed = catalog.addMerchant(campus, BadInputIT.this.merchant.path("buildingId").asLong(), "夜宵测试摊",
					CatalogSetup.MerchantKind.CANTEEN_STALL, OpeningHours.parse(opens + "-" + closes),
					Set.of(building));
			long item = catalog.addItem(closed, "烤串", 500);
			Response answer = placeOrder(BadInputIT.this.student, Map.of("merchantId", closed, "deliveryBuildingId",
					building, "items", List.of(Map.of("itemId", item, "quantity", 1))));
			assertThat(answer.status()).isEqualTo(422);
			assertThat(answer.code()).isEqualTo("MERCHANT_CLOSED");
		}

		@Test
		void missingIdempotencyKeyIsRejected() {
			int before = stockLeft(BadInputIT.this.merchantId, BadInputIT.this.itemId);
			Response answer = api().post("/api/v1/orders", BadInputIT.this.student, orderBodyWithQuantity(1));
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.code()).isEqualTo("VALIDATION");
			assertThat(stockLeft(BadInputIT.this.merchantId, BadInputIT.this.itemId)).isEqualTo(before);
		}

		@Test
		void anOverlongIdempotencyKeyIsRejected() {
			Response answer = api().post("/api/v1/orders", BadInputIT.this.student, orderBodyWithQuantity(1),
					"Idempotency-Key", "k".repeat(65));
			assertThat(answer.status()).isEqualTo(400);
		}

		@Test
		void errorsSpeakEnglishWhenAsked() {
			Response answer = api().post("/api/v1/orders", BadInputIT.this.student, orderBodyWithQuantity(0),
					"Idempotency-Key", UUID.randomUUID().toString(), "Accept-Language", "en");
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.body().path("message").asString()).isEqualTo("The request is not valid");
		}

		private Map<String, Object> orderBodyWithQuantity(int quantity) {
			return orderBody(BadInputIT.this.merchant, BadInputIT.this.itemId, quantity);
		}

		private void assertRefusedWithoutEffect(Object body, int status, String code) {
			int stockBefore = stockLeft(BadInputIT.this.merchantId, BadInputIT.this.itemId);
			long ordersBefore = count("select count(*) from ordering.orders where student_id = ?",
					BadInputIT.this.student.userId());
			String key = UUID.randomUUID().toString();

			Response answer = api().post("/api/v1/orders", BadInputIT.this.student, body, "Idempotency-Key", key);

			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
			assertThat(answer.code()).isEqualTo(code);
			assertThat(answer.body().path("message").asString()).isNotBlank();
			assertThat(answer.raw().body()).doesNotContain("Exception").doesNotContain("at org.");
			assertThat(stockLeft(BadInputIT.this.merchantId, BadInputIT.this.itemId)).isEqualTo(stockBefore);
			// The key was not used up: the same key with a good order is accepted.
			Response retry = api().post("/api/v1/orders", BadInputIT.this.student, orderBodyWithQuantity(1),
					"Idempotency-Key", key);
			assertThat(retry.status()).isEqualTo(202);
			assertThat(count("select count(*) from ordering.orders where student_id = ?",
					BadInputIT.this.student.userId()))
				.isLessThanOrEqualTo(ordersBefore + 1);
		}

	}

	@Nested
	class SomeoneElsesOrder {

		@Test
		void isNotFoundForAnotherStudentAndCannotBePaid() {
			String orderId = placeAcceptedOrder(BadInputIT.this.student,
					orderBody(BadInputIT.this.merchant, BadInputIT.this.itemId, 1));
			awaitStatus(BadInputIT.this.student, orderId, "PENDING_PAYMENT");
			Session other = student(52);

			Response read = api().get("/api/v1/orders/" + orderId, other);
			Response timeline = api().get("/api/v1/orders/" + orderId + "/timeline", other);
			Response pay = api().post("/api/v1/orders/" + orderId + "/payment", other, Map.of());

			assertThat(read.status()).isEqualTo(404);
			assertThat(read.code()).isEqualTo("ORDER_NOT_FOUND");
			assertThat(timeline.status()).isEqualTo(404);
			assertThat(pay.status()).isEqualTo(404);
			assertThat(count("select count(*) from payment.payment where order_id = ?", Long.parseLong(orderId)))
				.isZero();
		}

		@Test
		void merchantsAndRidersCannotUseStudentRoutes() {
			Response merchantTry = api().get("/api/v1/orders?mine", api().login("merchant1"));
			Response riderTry = placeOrder(api().login("rider1"),
					orderBody(BadInputIT.this.merchant, BadInputIT.this.itemId, 1));
			assertThat(merchantTry.status()).isEqualTo(403);
			assertThat(merchantTry.code()).isEqualTo("FORBIDDEN");
			assertThat(riderTry.status()).isEqualTo(403);
		}

		@Test
		void aMerchantCannotSetAnotherMerchantsStock() {
			JsonNode other = merchantNamed("第一食堂·川味小炒");
			Response answer = api().put("/api/v1/merchant/items/" + BadInputIT.this.itemId + "/stock",
					merchantAccount(other.path("id").asLong()), Map.of("stock", 5));
			assertThat(answer.status()).isEqualTo(403);
		}

	}

	@Nested
	class Authentication {

		@Test
		void wrongPasswordIsRefused() {
			Response answer = api().post("/api/v1/auth/login", null, Map.of("username", "student1", "password", "x"));
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.code()).isEqualTo("BAD_CREDENTIALS");
		}

		@Test
		void missingOrForgedTokenIsRefused() {
			Response none = api().get("/api/v1/merchants", null);
			assertThat(none.status()).isEqualTo(401);
			assertThat(none.code()).isEqualTo("UNAUTHENTICATED");
			Session forged = new Session("student1", BadInputIT.this.student.token() + "x", 0, null);
			assertThat(api().get("/api/v1/merchants", forged).status()).isEqualTo(401);
		}

	}

}
