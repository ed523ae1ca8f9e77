package org.lunchrush;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout quote ({@code POST /api/v1/orders/quote}) as the student app uses it: the
 * same totals as the order then placed, to the cent, with and without a coupon; nothing
 * reserved or locked; the refusals of order intake with their codes; students only.
 * <p>
 * Students 181 to 184; stall 第一食堂·兰州拉面, items 孜然羊肉盖饭 (17 元), 凉拌牛肉 (18 元) and 冰峰汽水 (4 元),
 * which no other test orders.
 */
class QuoteIT extends IntegrationTest {

	private static final String QUOTE = "/api/v1/orders/quote";

	/**
	 * 满30减6.
	 */
	private static final int AMOUNT_OFF = 600;

	private static final int MIN_SPEND = 3000;

	private JsonNode merchant;

	private long merchantId;

	private long lamb;

	private long beef;

	private long soda;

	@BeforeEach
	void stall() {
		this.merchant = merchantNamed("第一食堂·兰州拉面");
		this.merchantId = this.merchant.path("id").asLong();
		this.lamb = menuItemId(this.merchantId, "孜然羊肉盖饭");
		this.beef = menuItemId(this.merchantId, "凉拌牛肉");
		this.soda = menuItemId(this.merchantId, "冰峰汽水");
	}

	@Test
	void aQuoteWithoutACouponAddsUpAsThePlacedOrderDoes() {
		Session student = student(181);
		// 冰峰汽水 twice in the cart: one line, as the order will have it.
		Map<String, Object> cart = cart(Map.of("itemId", this.lamb, "quantity", 2),
				Map.of("itemId", this.soda, "quantity", 1), Map.of("itemId", this.soda, "quantity", 2));
		int lambLeft = stockLeft(this.merchantId, this.lamb);

		Response quote = api().post(QUOTE, student, cart);
		assertThat(quote.status()).as(quote.raw().body()).isEqualTo(200);
		JsonNode body = quote.body();
		assertThat(body.path("merchantId").asLong()).isEqualTo(this.merchantId);
		assertThat(body.path("deliveryBuildingId").asLong()).isEqualTo(firstDeliveryBuilding(this.merchant));
		assertThat(body.path("subtotalCents").asInt()).isEqualTo(2 * 1700 + 3 * 400);
		assertThat(body.path("discountCents").asInt()).isZero();
		assertThat(body.path("totalCents").asInt()).isEqualTo(4600);
		assertThat(body.has("couponId")).isTrue();
		assertThat(body.path("couponId").isNull()).isTrue();
		assertThat(body.path("lines")).hasSize(2);
		JsonNode lamb = body.path("lines").get(0);
		assertThat(lamb.path("itemId").asLong()).isEqualTo(this.lamb);
		assertThat(lamb.path("name").asString()).isEqualTo("孜然羊肉盖饭");
		assertThat(lamb.path("unitPriceCents").asInt()).isEqualTo(1700);
		assertThat(lamb.path("quantity").asInt()).isEqualTo(2);
		assertThat(lamb.path("lineCents").asInt()).isEqualTo(3400);
		assertThat(body.path("lines").get(1).path("quantity").asInt()).isEqualTo(3);
		assertThat(body.path("lines").get(1).path("lineCents").asInt()).isEqualTo(1200);
		assertThat(stockLeft(this.merchantId, this.lamb)).as("a quote reserves nothing").isEqualTo(lambLeft);

		String orderId = placeAcceptedOrder(student, cart);
		JsonNode order = awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertTotalsAgree(body, order);
		assertThat(stockLeft(this.merchantId, this.lamb)).isEqualTo(lambLeft - 2);
		cancel(student, orderId);
	}

	@Test
	void aQuoteWithACouponTakesItsAmountOffAsThePlacedOrderDoesAndLeavesTheCouponAvailable() {
		Session student = student(182);
		String couponId = claimCoupon(student, AMOUNT_OFF, MIN_SPEND);
		Map<String, Object> cart = withCoupon(cart(Map.of("itemId", this.beef, "quantity", 2)), couponId);
		int beefLeft = stockLeft(this.merchantId, this.beef);

		Response quote = api().post(QUOTE, student, cart);
		assertThat(quote.status()).as(quote.raw().body()).isEqualTo(200);
		assertThat(quote.body().path("subtotalCents").asInt()).isEqualTo(3600);
		assertThat(quote.body().path("discountCents").asInt()).isEqualTo(AMOUNT_OFF);
		assertThat(quote.body().path("totalCents").asInt()).isEqualTo(3000);
		assertThat(quote.body().path("couponId").asString()).isEqualTo(couponId);
		// Asked twice, the same answer: the first quote locked nothing.
		assertThat(api().post(QUOTE, student, cart).body()).isEqualTo(quote.body());
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("AVAILABLE");
		assertThat(stockLeft(this.merchantId, this.beef)).isEqualTo(beefLeft);

		Response placed = placeOrder(student, cart);
		assertThat(placed.status()).as(placed.raw().body()).isEqualTo(202);
		assertThat(placed.body().path("totalCents").asInt()).isEqualTo(quote.body().path("totalCents").asInt());
		String orderId = placed.body().path("orderId").asString();
		JsonNode order = awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertTotalsAgree(quote.body(), order);
		assertThat(order.path("couponId").asString()).isEqualTo(couponId);

		// Now the order holds it: a quote says so, as placing would.
		Response used = api().post(QUOTE, student, cart);
		assertRefused(used, 422, "COUPON_INVALID");
		assertThat(used.body().path("details").path("reason").asString()).isEqualTo("ALREADY_USED");
		cancel(student, orderId);
		assertThat(coupon(student, couponId).path("status").asString()).isEqualTo("AVAILABLE");
	}

	@Nested
	class Refusals {

		private final Session student = student(183);

		@Test
		void aCouponThatDoesNotApplyIsRefusedWithItsReason() {
			String couponId = claimCoupon(this.student, AMOUNT_OFF, MIN_SPEND);
			Response belowMinimum = api().post(QUOTE, this.student,
					withCoupon(cart(Map.of("itemId", QuoteIT.this.soda, "quantity", 1)), couponId));
			assertRefused(belowMinimum, 422, "COUPON_INVALID");
			assertThat(belowMinimum.body().path("details").path("reason").asString()).isEqualTo("MIN_SPEND_NOT_MET");
			assertThat(belowMinimum.body().path("details").path("minSpendCents").asInt()).isEqualTo(MIN_SPEND);
			assertThat(belowMinimum.body().path("details").path("couponId").asString()).isEqualTo(couponId);

			String someoneElses = claimCoupon(student(184), AMOUNT_OFF, MIN_SPEND);
			Response notMine = api().post(QUOTE, this.student,
					withCoupon(cart(Map.of("itemId", QuoteIT.this.beef, "quantity", 2)), someoneElses));
			assertRefused(notMine, 422, "COUPON_INVALID");
			assertThat(notMine.body().path("details").path("reason").asString()).isEqualTo("NOT_YOURS");
			assertThat(coupon(student(184), someoneElses).path("status").asString()).isEqualTo("AVAILABLE");
		}

		@Test
		void anItemShortOfStockIsSoldOutAndItsStockStaysAsItWas() {
			setStockLeft(QuoteIT.this.merchantId, QuoteIT.this.soda, 1);
			try {
				Response soldOut = api().post(QUOTE, this.student,
						cart(Map.of("itemId", QuoteIT.this.lamb, "quantity", 1),
								Map.of("itemId", QuoteIT.this.soda, "quantity", 2)));
				assertRefused(soldOut, 409, "SOLD_OUT");
				assertThat(soldOut.body().path("details").path("itemIds")).hasSize(1);
				assertThat(soldOut.body().path("details").path("itemIds").get(0).asLong()).isEqualTo(QuoteIT.this.soda);
				assertThat(stockLeft(QuoteIT.this.merchantId, QuoteIT.this.soda)).isEqualTo(1);
				Response lastOne = api().post(QUOTE, this.student,
						cart(Map.of("itemId", QuoteIT.this.soda, "quantity", 1)));
				assertThat(lastOne.status()).as(lastOne.raw().body()).isEqualTo(200);
				assertThat(stockLeft(QuoteIT.this.merchantId, QuoteIT.this.soda)).isEqualTo(1);
			}
			finally {
				setStockLeft(QuoteIT.this.merchantId, QuoteIT.this.soda, 100);
			}
		}

		@Test
		void unknownMerchantsAndItemsAndItemsOffSaleAreRefusedAndNamed() {
			Response noMerchant = api().post(QUOTE, this.student,
					Map.of("merchantId", 987654321, "deliveryBuildingId", firstDeliveryBuilding(QuoteIT.this.merchant),
							"items", List.of(Map.of("itemId", QuoteIT.this.lamb, "quantity", 1))));
			assertRefused(noMerchant, 422, "UNKNOWN_MERCHANT");
			assertThat(noMerchant.body().path("details").path("merchantId").asLong()).isEqualTo(987654321L);

			Response noItem = api().post(QUOTE, this.student, cart(Map.of("itemId", 987654321, "quantity", 1)));
			assertRefused(noItem, 422, "UNKNOWN_ITEM");
			assertThat(noItem.body().path("details").path("itemIds").get(0).asLong()).isEqualTo(987654321L);

			Session merchantAccount = merchantAccount(QuoteIT.this.merchantId);
			String onSale = "/api/v1/merchant/items/" + QuoteIT.this.beef + "/on-sale";
			assertThat(api().put(onSale, merchantAccount, Map.of("onSale", false)).status()).isEqualTo(200);
			try {
				Response offSale = api().post(QUOTE, this.student,
						cart(Map.of("itemId", QuoteIT.this.beef, "quantity", 1)));
				assertRefused(offSale, 422, "ITEM_OFF_SALE");
				assertThat(offSale.body().path("details").path("itemIds").get(0).asLong()).isEqualTo(QuoteIT.this.beef);
			}
			finally {
				assertThat(api().put(onSale, merchantAccount, Map.of("onSale", true)).status()).isEqualTo(200);
			}
		}

		@Test
		void aBuildingOutsideTheZoneAndAClosedStallAreRefused() {
			Set<Long> zone = new HashSet<>();
			QuoteIT.this.merchant.path("deliveryBuildingIds").forEach((id) -> zone.add(id.asLong()));
			// The stall delivers to every dorm: a canteen is outside its zone.
			long outside = 0;
			for (JsonNode building : api().get("/api/v1/campus", this.student).body().path("buildings")) {
				if (!zone.contains(building.path("id").asLong())) {
					outside = building.path("id").asLong();
				}
			}
			assertThat(outside).as("a building outside the stall's zone").isNotZero();
			Response outOfZone = api().post(QUOTE, this.student,
					orderBody(QuoteIT.this.merchant, QuoteIT.this.lamb, 1, outside));
			assertRefused(outOfZone, 422, "OUT_OF_ZONE");
			assertThat(outOfZone.body().path("details").path("deliveryBuildingId").asLong()).isEqualTo(outside);

			Session merchantAccount = merchantAccount(QuoteIT.this.merchantId);
			String hours = api().get("/api/v1/merchant/settings", merchantAccount)
				.body()
				.path("openingHours")
				.asString();
			String closed = (LocalTime.now(ZoneId.of("Asia/Shanghai")).getHour() < 12) ? "13:00-14:00" : "01:00-02:00";
			assertThat(api().put("/api/v1/merchant/settings", merchantAccount, Map.of("openingHours", closed)).status())
				.isEqualTo(200);
			try {
				Response shut = api().post(QUOTE, this.student,
						cart(Map.of("itemId", QuoteIT.this.lamb, "quantity", 1)));
				assertRefused(shut, 422, "MERCHANT_CLOSED");
				assertThat(shut.body().path("details").path("openingHours").asString()).isEqualTo(closed);
			}
			finally {
				api().put("/api/v1/merchant/settings", merchantAccount, Map.of("openingHours", hours));
			}
		}

		@Test
		void badInputIsRefusedAsIntakeRefusesIt() {
			long building = firstDeliveryBuilding(QuoteIT.this.merchant);
			long merchantId = QuoteIT.this.merchantId;
			long item = QuoteIT.this.lamb;
			for (String json : List.of(
					"{\"merchantId\":" + merchantId + ",\"deliveryBuildingId\":" + building + ",\"items\":[]}",
					"{\"merchantId\":" + merchantId + ",\"deliveryBuildingId\":" + building + ",\"items\":[{\"itemId\":"
							+ item + ",\"quantity\":1.5}]}",
					"{\"merchantId\":\"" + merchantId + "\",\"deliveryBuildingId\":" + building
							+ ",\"items\":[{\"itemId\":" + item + ",\"quantity\":1}]}",
					"{\"merchantId\":" + merchantId + ",\"deliveryBuildingId\":" + building + ",\"items\":[{\"itemId\":"
							+ item + ",\"quantity\":100}]}",
					"{\"merchantId\":" + merchantId + ",\"deliveryBuildingId\":" + building + ",\"items\":[{\"itemId\":"
							+ item + ",\"quantity\":60},{\"itemId\":" + item + ",\"quantity\":60}]}",
					"{\"merchantId\":" + merchantId + ",\"deliveryBuildingId\":" + building + ",\"items\":[{\"itemId\":"
							+ item + ",\"quantity\":1}],\"note\":\"line\\nbreak\"}",
					"{\"deliveryBuildingId\":" + building + ",\"items\":[{\"itemId\":" + item + ",\"quantity\":1}]}")) {
				Response answer = api().send("POST", QUOTE, this.student, json);
				assertRefused(answer, 400, "VALIDATION");
			}
		}

		@Test
		void onlyAStudentAsksForAQuote() {
			Map<String, Object> cart = cart(Map.of("itemId", QuoteIT.this.lamb, "quantity", 1));
			Response merchant = api().post(QUOTE, merchantAccount(QuoteIT.this.merchantId), cart);
			assertRefused(merchant, 403, "FORBIDDEN");
			assertRefused(api().post(QUOTE, api().login("rider4"), cart), 403, "FORBIDDEN");
			assertRefused(api().post(QUOTE, null, cart), 401, "UNAUTHENTICATED");
		}

	}

	/**
	 * A quote is not an order: quoting as fast as a student taps is never refused by the
	 * token buckets that guard placing (a student's bucket holds far fewer).
	 */
	@Test
	void quotesAreNotCountedAgainstTheStudentsOrderLimit() {
		Session student = student(184);
		Map<String, Object> cart = cart(Map.of("itemId", this.lamb, "quantity", 1));
		// More than the 40 orders a minute a student may place on the test platform.
		for (int i = 0; i < 45; i++) {
			Response quote = api().post(QUOTE, student, cart);
			assertThat(quote.status()).as(quote.raw().body()).isEqualTo(200);
		}
		String orderId = placeAcceptedOrder(student, cart);
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		cancel(student, orderId);
	}

	private Map<String, Object> cart(Map<?, ?>... lines) {
		Map<String, Object> body = new HashMap<>();
		body.put("merchantId", this.merchantId);
		body.put("deliveryBuildingId", firstDeliveryBuilding(this.merchant));
		body.put("items", List.of(lines));
		return body;
	}

	private static void assertTotalsAgree(JsonNode quote, JsonNode order) {
		assertThat(order.path("subtotalCents").asInt()).isEqualTo(quote.path("subtotalCents").asInt());
		assertThat(order.path("discountCents").asInt()).isEqualTo(quote.path("discountCents").asInt());
		assertThat(order.path("totalCents").asInt()).isEqualTo(quote.path("totalCents").asInt());
	}

	private static void assertRefused(Response answer, int status, String code) {
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
		assertThat(answer.code()).isEqualTo(code);
		assertThat(answer.body().path("message").asString()).isNotBlank();
	}

	private JsonNode coupon(Session student, String couponId) {
		for (JsonNode coupon : api().get("/api/v1/coupons", student).body()) {
			if (coupon.path("couponId").asString().equals(couponId)) {
				return coupon;
			}
		}
		throw new AssertionError("coupon " + couponId + " not among the student's");
	}

	private void cancel(Session student, String orderId) {
		Response cancelled = api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of());
		assertThat(cancelled.status()).as(cancelled.raw().body()).isEqualTo(200);
	}

}
