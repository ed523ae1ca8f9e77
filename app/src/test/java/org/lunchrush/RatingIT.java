package org.lunchrush;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.Couriers;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Students rate their delivered orders, once each; the merchant list and the stall's
 * ratings page show it; every refusal changes nothing.
 * <p>
 * Students 141 to 144; stall 第二食堂·重庆小面; riders 5 to 7 (on shift for each test).
 */
class RatingIT extends IntegrationTest {

	private JsonNode stall;

	private Session stallAccount;

	private Couriers couriers;

	@BeforeEach
	void ridersOnShift() {
		this.stall = merchantNamed("第二食堂·重庆小面");
		this.stallAccount = merchantAccount(this.stall.path("id").asLong());
		this.couriers = new Couriers(api(), List.of("rider5", "rider6", "rider7"),
				this.stall.path("buildingId").asLong());
	}

	@AfterEach
	void ridersOffShift() {
		this.couriers.close();
	}

	@Test
	void aDeliveredOrderIsRatedOnceAndTheStallsAverageAndRatingsPageMove() {
		int before = listed().path("ratingCount").asInt();
		Session first = student(141);
		Session second = student(142);
		String earlier = deliveredOrder(first);
		String later = deliveredOrder(second);

		Response rated = rate(first, earlier, "{\"stars\":5,\"comment\":\"面很筋道，送得也快 tasty\"}");
		assertThat(rated.status()).as(rated.raw().body()).isEqualTo(201);
		assertThat(rated.body().path("orderId").asString()).isEqualTo(earlier);
		assertThat(rated.body().path("stars").asInt()).isEqualTo(5);
		assertThat(rated.body().path("comment").asString()).isEqualTo("面很筋道，送得也快 tasty");
		OffsetDateTime ratedAt = OffsetDateTime.parse(rated.body().path("ratedAt").asString());
		assertThat(ratedAt.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
		Response ratedLater = rate(second, later, "{\"stars\":3}");
		assertThat(ratedLater.status()).as(ratedLater.raw().body()).isEqualTo(201);
		assertThat(ratedLater.body().path("comment").isNull()).isTrue();

		JsonNode order = api().get("/api/v1/orders/" + earlier, first).body();
		assertThat(order.path("rating").path("stars").asInt()).isEqualTo(5);
		assertThat(order.path("rating").path("comment").asString()).isEqualTo("面很筋道，送得也快 tasty");
		assertThat(OffsetDateTime.parse(order.path("rating").path("ratedAt").asString())).isEqualTo(ratedAt);
		assertThat(ratingEntries(first, earlier)).singleElement()
			.satisfies((entry) -> assertThat(entry.path("detail").asString()).isEqualTo("评价 5 星 / rated 5 stars"));
		JsonNode mine = api().get("/api/v1/orders?mine&page=0&size=5", first).body().path("orders");
		assertThat(mine.get(0).path("orderId").asString()).isEqualTo(earlier);
		assertThat(mine.get(0).path("rating").path("stars").asInt()).as("the student's order list").isEqualTo(5);

		// The merchant list and the stall's page agree with the ratings themselves.
		Response page = api().get("/api/v1/merchant/ratings?page=0&size=100", this.stallAccount);
		assertThat(page.status()).as(page.raw().body()).isEqualTo(200);
		List<Integer> stars = new ArrayList<>();
		page.body().path("ratings").forEach((rating) -> stars.add(rating.path("stars").asInt()));
		BigDecimal average = BigDecimal.valueOf(stars.stream().mapToInt(Integer::intValue).sum())
			.divide(BigDecimal.valueOf(stars.size()), 1, RoundingMode.HALF_UP);
		JsonNode listed = listed();
		assertThat(listed.path("ratingCount").asInt()).isEqualTo(before + 2).isEqualTo(stars.size());
		assertThat(listed.path("ratingAverage").decimalValue()).isEqualByComparingTo(average);
		assertThat(page.body().path("count").asInt()).isEqualTo(before + 2);
		assertThat(page.body().path("average").decimalValue()).isEqualByComparingTo(average);
		assertThat(page.body().path("ratings").get(0).path("orderId").asString()).as("newest first").isEqualTo(later);
		assertThat(page.body().path("ratings").get(1).path("orderId").asString()).isEqualTo(earlier);

		JsonNode onePerPage = api().get("/api/v1/merchant/ratings?page=1&size=1", this.stallAccount).body();
		assertThat(onePerPage.path("ratings")).hasSize(1);
		assertThat(onePerPage.path("ratings").get(0).path("orderId").asString()).isEqualTo(earlier);
		assertThat(onePerPage.path("page").asInt()).isEqualTo(1);
		assertThat(onePerPage.path("size").asInt()).isEqualTo(1);
		assertThat(onePerPage.path("hasMore").asBoolean()).isEqualTo(before > 0);

		// Once per order: the second rating is refused and changes nothing.
		Response again = api().send("POST", "/api/v1/orders/" + earlier + "/rating", first, "{\"stars\":1}",
				"Accept-Language", "en");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("ALREADY_RATED");
		assertThat(again.body().path("message").asString()).isEqualTo("This order is already rated");
		Response againInChinese = rate(first, earlier, "{\"stars\":1}");
		assertThat(againInChinese.body().path("message").asString()).isEqualTo("该订单已评价");
		assertThat(api().get("/api/v1/orders/" + earlier, first).body().path("rating").path("stars").asInt())
			.isEqualTo(5);
		assertThat(ratingEntries(first, earlier)).hasSize(1);
		assertThat(listed().path("ratingCount").asInt()).isEqualTo(before + 2);
	}

	@Test
	void refusedRatingsChangeNothing() {
		Session owner = student(143);
		String delivered = deliveredOrder(owner);
		int before = listed().path("ratingCount").asInt();

		String paid = paidOrder(owner, orderBody(this.stall, firstItemId(this.stall), 1));
		Response notDelivered = rate(owner, paid, "{\"stars\":4}");
		assertThat(notDelivered.status()).isEqualTo(409);
		assertThat(notDelivered.code()).isEqualTo("ORDER_STATE_CONFLICT");
		assertThat(notDelivered.body().path("details").path("status").asString()).isEqualTo("PAID");
		assertThat(api().get("/api/v1/orders/" + paid, owner).body().path("rating").isNull()).isTrue();

		Response stranger = rate(student(144), delivered, "{\"stars\":1}");
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(stranger.code()).isEqualTo("ORDER_NOT_FOUND");
		assertThat(rate(this.stallAccount, delivered, "{\"stars\":5}").status()).as("a merchant").isEqualTo(403);
		assertThat(rate(owner, "1", "{\"stars\":5}").code()).isEqualTo("ORDER_NOT_FOUND");

		String tooLong = "好".repeat(201);
		for (String body : List.of("{\"stars\":0}", "{\"stars\":6}", "{\"stars\":-1}", "{\"stars\":1.5}",
				"{\"stars\":5.0}", "{\"stars\":\"5\"}", "{\"stars\":true}", "{\"stars\":null}", "{}",
				"{\"comment\":\"好吃\"}", "{\"stars\":5,\"comment\":\"" + tooLong + "\"}",
				"{\"stars\":5,\"comment\":\"好吃\\n下次还来\"}", "{\"stars\":5,\"comment\":\"好吃\\t\"}",
				"{\"stars\":5,\"comment\":5}", "[5]", "{\"stars\":5", "{\"stars\":5,\"stars\":4}")) {
			Response refused = rate(owner, delivered, body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.code()).as(body).isEqualTo("VALIDATION");
		}
		assertThat(rate(owner, "abc", "{\"stars\":5}").code()).isEqualTo("VALIDATION");

		assertThat(api().get("/api/v1/orders/" + delivered, owner).body().path("rating").isNull()).isTrue();
		assertThat(ratingEntries(owner, delivered)).isEmpty();
		assertThat(count("select count(*) from ordering.rating where order_id = ?", Long.parseLong(delivered)))
			.isZero();
		assertThat(listed().path("ratingCount").asInt()).isEqualTo(before);

		// The owner may still rate it, with a comment of exactly 200 characters.
		String longest = "好".repeat(200);
		Response rated = rate(owner, delivered, "{\"stars\":1,\"comment\":\"" + longest + "\"}");
		assertThat(rated.status()).as(rated.raw().body()).isEqualTo(201);
		assertThat(rated.body().path("comment").asString()).isEqualTo(longest);
		assertThat(ratingEntries(owner, delivered)).singleElement()
			.satisfies((entry) -> assertThat(entry.path("detail").asString()).isEqualTo("评价 1 星 / rated 1 star"));
		assertThat(listed().path("ratingCount").asInt()).isEqualTo(before + 1);
	}

	@Test
	void onlyTheStallReadsItsRatingsPageAndPagingIsChecked() {
		assertThat(api().get("/api/v1/merchant/ratings", student(141)).status()).isEqualTo(403);
		Response other = api().get("/api/v1/merchant/ratings",
				merchantAccount(merchantNamed("第一食堂·兰州拉面").path("id").asLong()));
		assertThat(other.status()).isEqualTo(200);
		List<String> mine = new ArrayList<>();
		api().get("/api/v1/merchant/ratings?size=100", this.stallAccount)
			.body()
			.path("ratings")
			.forEach((rating) -> mine.add(rating.path("orderId").asString()));
		other.body()
			.path("ratings")
			.forEach((rating) -> assertThat(rating.path("orderId").asString()).as("another stall's ratings page")
				.isNotIn(mine));
		for (String query : List.of("page=-1", "size=0", "size=101", "page=x", "size=1.5")) {
			Response refused = api().get("/api/v1/merchant/ratings?" + query, this.stallAccount);
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.code()).as(query).isEqualTo("VALIDATION");
		}
		JsonNode merchants = api().get("/api/v1/merchants", student(141)).body();
		for (JsonNode merchant : merchants) {
			int count = merchant.path("ratingCount").asInt(-1);
			assertThat(count).as(merchant.path("name").asString()).isGreaterThanOrEqualTo(0);
			assertThat(merchant.has("ratingAverage")).isTrue();
			if (count == 0) {
				assertThat(merchant.path("ratingAverage").isNull()).isTrue();
			}
			else {
				assertThat(merchant.path("ratingAverage").decimalValue()).isBetween(BigDecimal.ONE,
						BigDecimal.valueOf(5));
			}
		}
	}

	private String deliveredOrder(Session student) {
		String orderId = paidOrder(student, orderBody(this.stall, firstItemId(this.stall), 1));
		for (String move : List.of("accept", "ready")) {
			Response moved = api().post("/api/v1/merchant/orders/" + orderId + "/" + move, this.stallAccount, Map.of());
			assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
		}
		this.couriers.deliver(orderId);
		awaitStatus(student, orderId, "DELIVERED");
		return orderId;
	}

	private Response rate(Session session, String orderId, String json) {
		return api().send("POST", "/api/v1/orders/" + orderId + "/rating", session, json);
	}

	private JsonNode listed() {
		return merchantNamed("第二食堂·重庆小面");
	}

	private List<JsonNode> ratingEntries(Session student, String orderId) {
		List<JsonNode> entries = new ArrayList<>();
		api().get("/api/v1/orders/" + orderId + "/timeline", student).body().forEach((entry) -> {
			if (entry.path("type").asString().equals("RATED")) {
				entries.add(entry);
			}
		});
		return entries;
	}

}
