package org.lunchrush;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict input on every write route (issue 12 §2): control characters, lone surrogates,
 * over-long text, values of the wrong JSON type, numbers out of range, ids that name
 * nothing and oversized bodies each get a coded 4xx naming the field, and the state a
 * user would look at afterwards is as it was. {@link BadInputIT} covers the order body's
 * business rules; this class covers the rules every route shares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictInputIT extends IntegrationTest {

	/**
	 * JSON string literals a client could send, with the escapes written as JSON text so
	 * that no JSON library smooths them over.
	 */
	private static final String NUL = "\"a\\u0000b\"";

	private static final String LINE_BREAK = "\"a\\nb\"";

	private static final String C1_CONTROL = "\"a\\u0085b\"";

	private static final String ESCAPE = "\"a\\u001b[31mb\"";

	private static final String LONE_SURROGATE = "\"a\\ud800b\"";

	private static final String[] BAD_TEXT = { NUL, LINE_BREAK, C1_CONTROL, ESCAPE, LONE_SURROGATE };

	private Session student;

	private JsonNode canteen;

	private long canteenId;

	private long dumplings;

	/**
	 * Each test orders as the next of students 175 to 199, so that the many refused and
	 * retried orders stay under the per-student rate limit.
	 */
	private static final AtomicInteger NEXT_STUDENT = new AtomicInteger();

	/**
	 * After the whole set of bad requests, every invariant still holds: nothing was
	 * oversold, no money kept, nothing stuck, Redis agrees with the ledgers.
	 */
	@AfterAll
	void everyInvariantHoldsAfterTheWholeSet() {
		assertInvariantsHold();
	}

	@BeforeEach
	void pickCanteen() {
		this.student = student(175 + NEXT_STUDENT.getAndIncrement() % 25);
		this.canteen = merchantNamed("第一食堂·东北水饺");
		this.canteenId = this.canteen.path("id").asLong();
		this.dumplings = menuItemId(this.canteenId, "三鲜水饺");
		if (stockLeft(this.canteenId, this.dumplings) < 200) {
			setStockLeft(this.canteenId, this.dumplings, 1000);
		}
	}

	@Nested
	class PlacingAnOrder {

		@Test
		void aNoteWithAControlCharacterOrALoneSurrogateIsRefusedNamingTheNote() {
			for (String note : BAD_TEXT) {
				assertOrderRefused(orderJson("1", note), 400, "VALIDATION", "note");
			}
		}

		@Test
		void aNoteOverTwoHundredCharactersIsRefused() {
			assertOrderRefused(orderJson("1", "\"" + "辣".repeat(201) + "\""), 400, "VALIDATION", "note");
		}

		@Test
		void aNoteOfTwoHundredCharactersInAnyScriptIsAccepted() {
			Response answer = api().send("POST", "/api/v1/orders", StrictInputIT.this.student,
					orderJson("1", "\"" + "少辣🌶️".repeat(40) + "\""), "Idempotency-Key", UUID.randomUUID().toString());
			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
		}

		@ParameterizedTest
		@ValueSource(strings = { "1.5", "\"1\"", "true", "1e0", "[1]", "{}", "null" })
		void aQuantityThatIsNotAJsonIntegerIsRefused(String quantity) {
			assertOrderRefused(orderJson(quantity, "null"), 400, "VALIDATION", "items[0].quantity");
		}

		@ParameterizedTest
		@ValueSource(strings = { "0", "-1", "100", "4294967297" })
		void aQuantityOutOfRangeIsRefused(String quantity) {
			assertOrderRefused(orderJson(quantity, "null"), 400, "VALIDATION", "quantity");
		}

		@Test
		void idsOfTheWrongTypeAreRefusedNamingTheField() {
			long building = firstDeliveryBuilding(StrictInputIT.this.canteen);
			assertOrderRefused(
					"{\"merchantId\": %d.0, \"deliveryBuildingId\": %d, \"items\": [{\"itemId\": %d, \"quantity\": 1}]}"
						.formatted(StrictInputIT.this.canteenId, building, StrictInputIT.this.dumplings),
					400, "VALIDATION", "merchantId");
			assertOrderRefused(
					"{\"merchantId\": %d, \"deliveryBuildingId\": \"%d\", \"items\": [{\"itemId\": %d, \"quantity\": 1}]}"
						.formatted(StrictInputIT.this.canteenId, building, StrictInputIT.this.dumplings),
					400, "VALIDATION", "deliveryBuildingId");
			assertOrderRefused(
					"{\"merchantId\": %d, \"deliveryBuildingId\": %d, \"items\": [{\"itemId\": %d, \"quantity\": 1}], \"couponId\": \"x\"}"
						.formatted(StrictInputIT.this.canteenId, building, StrictInputIT.this.dumplings),
					400, "VALIDATION", "couponId");
			assertOrderRefused(orderJson("1", "5"), 400, "VALIDATION", "note");
		}

		@Test
		void aDuplicateKeyOrTrailingContentIsRefused() {
			String good = orderJson("1", "null");
			assertOrderRefused(good.replace("\"note\": null", "\"note\": null, \"note\": \"x\""), 400, "VALIDATION",
					null);
			assertOrderRefused(good + " {}", 400, "VALIDATION", null);
		}

		@Test
		void aClientSentPriceIsStillIgnored() {
			String withPrice = orderJson("1", "null").replace("\"note\": null", "\"note\": null, \"totalCents\": 1");
			Response answer = api().send("POST", "/api/v1/orders", StrictInputIT.this.student, withPrice,
					"Idempotency-Key", UUID.randomUUID().toString());
			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
			assertThat(answer.body().path("totalCents").asInt()).isGreaterThan(1);
		}

		@Test
		void anIdempotencyKeyWithAControlCharacterIsRefusedAndReservesNothing() throws IOException {
			int stockBefore = stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings);
			byte[] body = orderJson("1", "null").getBytes(StandardCharsets.UTF_8);
			// U+0085 (NEL) in UTF-8: HTTP client libraries refuse to send it, a raw
			// client can.
			String answer = raw("""
					POST /api/v1/orders HTTP/1.1\r
					Host: localhost\r
					Authorization: Bearer %s\r
					Idempotency-Key: key\u00c2\u0085%s\r
					Content-Type: application/json\r
					Content-Length: %d\r
					Connection: close\r
					\r
					%s""".formatted(StrictInputIT.this.student.token(), UUID.randomUUID(), body.length,
					new String(body, StandardCharsets.ISO_8859_1)));
			assertThat(answer).startsWith("HTTP/1.1 400")
				.contains("\"code\":\"VALIDATION\"")
				.contains("Idempotency-Key");
			assertThat(stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings)).isEqualTo(stockBefore);
		}

		@Test
		void aTenMegabyteBodyIsRefusedBeforeItIsRead() throws IOException {
			int stockBefore = stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings);
			// Only the head is sent: the answer must come without the body being read.
			String answer = raw("""
					POST /api/v1/orders HTTP/1.1\r
					Host: localhost\r
					Authorization: Bearer %s\r
					Idempotency-Key: %s\r
					Content-Type: application/json\r
					Content-Length: 10485760\r
					Connection: close\r
					\r
					""".formatted(StrictInputIT.this.student.token(), UUID.randomUUID()));
			assertThat(answer).startsWith("HTTP/1.1 413").contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
			assertThat(stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings)).isEqualTo(stockBefore);
		}

		@Test
		void aChunkedBodyOverSixtyFourKilobytesIsRefused() {
			int stockBefore = stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings);
			String padded = orderJson("1", "null").replace("\"note\": null",
					"\"note\": null, \"padding\": \"" + "x".repeat(70 * 1024) + "\"");
			Response answer = api().sendChunked("POST", "/api/v1/orders", StrictInputIT.this.student,
					padded.getBytes(StandardCharsets.UTF_8));
			assertRefused(answer, 413, "PAYLOAD_TOO_LARGE", null);
			assertThat(stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings)).isEqualTo(stockBefore);
		}

		@Test
		void aBodyJustUnderTheCapIsRead() {
			String padded = orderJson("1", "null").replace("\"note\": null",
					"\"note\": null, \"padding\": \"" + "x".repeat(60 * 1024) + "\"");
			Response answer = api().send("POST", "/api/v1/orders", StrictInputIT.this.student, padded,
					"Idempotency-Key", UUID.randomUUID().toString());
			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
		}

		private String orderJson(String quantity, String note) {
			return "{\"merchantId\": %d, \"deliveryBuildingId\": %d, \"items\": [{\"itemId\": %d, \"quantity\": %s}], \"note\": %s}"
				.formatted(StrictInputIT.this.canteenId, firstDeliveryBuilding(StrictInputIT.this.canteen),
						StrictInputIT.this.dumplings, quantity, note);
		}

		/**
		 * Refused with the code, no stock moved, and the key still free for a good order
		 * (orders reach the table asynchronously, so the stock and the key are what shows
		 * at once that nothing was placed).
		 */
		private void assertOrderRefused(String json, int status, String code, String field) {
			Session student = StrictInputIT.this.student;
			int stockBefore = stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings);
			String key = UUID.randomUUID().toString();

			Response answer = api().send("POST", "/api/v1/orders", student, json, "Idempotency-Key", key);

			assertRefused(answer, status, code, field);
			assertThat(stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings)).isEqualTo(stockBefore);
			Response retry = api().send("POST", "/api/v1/orders", student, orderJson("1", "null"), "Idempotency-Key",
					key);
			assertThat(retry.status()).as("the key was not used up: " + retry.raw().body()).isEqualTo(202);
		}

	}

	@Nested
	class PayingAndCancelling {

		@Test
		void payingOrCancellingAnOrderThatDoesNotExistIsNotFound() {
			long nobody = 987_654_321_987L;
			assertRefused(api().post("/api/v1/orders/" + nobody + "/payment", StrictInputIT.this.student, Map.of()),
					404, "ORDER_NOT_FOUND", null);
			assertRefused(api().post("/api/v1/orders/" + nobody + "/cancel", StrictInputIT.this.student, Map.of()), 404,
					"ORDER_NOT_FOUND", null);
			assertThat(count("select count(*) from payment.payment where order_id = ?", nobody)).isZero();
		}

		@ParameterizedTest
		@ValueSource(strings = { "abc", "1.5", "-", "99999999999999999999" })
		void anOrderIdThatIsNotANumberIsRefused(String id) {
			assertRefused(api().post("/api/v1/orders/" + id + "/payment", StrictInputIT.this.student, Map.of()), 400,
					"VALIDATION", "orderId");
			assertRefused(api().post("/api/v1/orders/" + id + "/cancel", StrictInputIT.this.student, Map.of()), 400,
					"VALIDATION", "orderId");
		}

		@Test
		void anOversizedBodyOnABodilessRouteIsRefused() {
			String orderId = placeAcceptedOrder(StrictInputIT.this.student,
					orderBody(StrictInputIT.this.canteen, StrictInputIT.this.dumplings, 1));
			awaitStatus(StrictInputIT.this.student, orderId, "PENDING_PAYMENT");

			Response answer = api().send("POST", "/api/v1/orders/" + orderId + "/cancel", StrictInputIT.this.student,
					"{\"x\": \"" + "y".repeat(70 * 1024) + "\"}");

			assertRefused(answer, 413, "PAYLOAD_TOO_LARGE", null);
			assertThat(
					api().get("/api/v1/orders/" + orderId, StrictInputIT.this.student).body().path("status").asString())
				.isEqualTo("PENDING_PAYMENT");
		}

	}

	@Nested
	class MerchantOrders {

		@Test
		void aRejectionReasonThatIsNotPlainShortTextLeavesThePaidOrderPaid() {
			JsonNode noodles = merchantNamed("第二食堂·西北面馆");
			long merchantId = noodles.path("id").asLong();
			String orderId = paidOrder(student(172), orderBody(noodles, menuItemId(merchantId, "油泼面"), 1));
			Session merchant = merchantAccount(merchantId);
			String reject = "/api/v1/merchant/orders/" + orderId + "/reject";
			List<String> reasons = new ArrayList<>(List.of(BAD_TEXT));
			reasons.addAll(List.of("5", "true", "[\"sold out\"]", "\"" + "卖完".repeat(101) + "\""));

			for (String reason : reasons) {
				assertRefused(api().send("POST", reject, merchant, "{\"reason\": " + reason + "}"), 400, "VALIDATION",
						"reason");
				assertRefused(api().send("POST", "/api/v1/merchant/orders/" + orderId + "/cancellation/decline",
						merchant, "{\"reason\": " + reason + "}"), 400, "VALIDATION", "reason");
			}

			assertThat(api().get("/api/v1/orders/" + orderId, student(172)).body().path("status").asString())
				.isEqualTo("PAID");
			assertThat(count("select count(*) from payment.refund where order_id = ?", Long.parseLong(orderId)))
				.isZero();
		}

		@Test
		void acceptingRejectingOrMarkingReadyAnOrderThatDoesNotExistIsNotFound() {
			Session merchant = merchantAccount(StrictInputIT.this.canteenId);
			for (String action : List.of("accept", "reject", "ready")) {
				assertRefused(api().post("/api/v1/merchant/orders/987654321987/" + action, merchant, Map.of()), 404,
						"ORDER_NOT_FOUND", null);
			}
		}

	}

	@Nested
	class Stock {

		@ParameterizedTest
		@ValueSource(strings = { "1.5", "\"5\"", "true", "null", "-1", "100001", "9999999999", "[5]" })
		void aStockThatIsNotAnIntegerFromZeroToOneHundredThousandIsRefusedAndChangesNothing(String stock) {
			int before = stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings);
			Response answer = api().send("PUT", "/api/v1/merchant/items/" + StrictInputIT.this.dumplings + "/stock",
					merchantAccount(StrictInputIT.this.canteenId), "{\"stock\": " + stock + "}");
			assertRefused(answer, 400, "VALIDATION", "stock");
			assertThat(stockLeft(StrictInputIT.this.canteenId, StrictInputIT.this.dumplings)).isEqualTo(before);
		}

		@Test
		void stockOfAnItemThatDoesNotExistIsRefused() {
			Response answer = api().send("PUT", "/api/v1/merchant/items/987654321/stock",
					merchantAccount(StrictInputIT.this.canteenId), "{\"stock\": 5}");
			assertThat(answer.status()).as(answer.raw().body()).isIn(403, 404, 422);
			assertThat(answer.code()).isNotBlank();
		}

	}

	@Nested
	class ItemsOnSale {

		@ParameterizedTest
		@ValueSource(strings = { "\"false\"", "0", "1", "null", "\"\"" })
		void anOnSaleFlagThatIsNotABooleanIsRefusedAndTheItemStaysOnSale(String flag) {
			Response answer = api().send("PUT", "/api/v1/merchant/items/" + StrictInputIT.this.dumplings + "/on-sale",
					merchantAccount(StrictInputIT.this.canteenId), "{\"onSale\": " + flag + "}");
			assertRefused(answer, 400, "VALIDATION", "onSale");
			assertThat(menuItem(StrictInputIT.this.canteenId, "三鲜水饺").path("available").asBoolean()).isTrue();
		}

		@Test
		void anItemThatDoesNotExistIsNotFound() {
			Response answer = api().send("PUT", "/api/v1/merchant/items/987654321/on-sale",
					merchantAccount(StrictInputIT.this.canteenId), "{\"onSale\": false}");
			assertRefused(answer, 404, "NOT_FOUND", null);
		}

	}

	@Nested
	class MerchantSettings {

		@ParameterizedTest
		@ValueSource(strings = { "{\"autoAccept\": \"true\"}", "{\"autoAccept\": 1}", "{\"busy\": \"false\"}",
				"{\"busy\": 0}", "{\"openingHours\": 1030}", "{\"openingHours\": \"10:00-13:00,\"}",
				"{\"openingHours\": \"10:00-13:00,12:00-14:00\"}", "{\"openingHours\": \"10:00-13:00\\u0000\"}",
				"{\"openingHours\": \"10:00-13:00\\n\"}", "{\"openingHours\": \"\"}" })
		void settingsOfTheWrongTypeOrMalformedHoursAreRefusedAndChangeNothing(String json) {
			Session merchant = merchantAccount(StrictInputIT.this.canteenId);
			JsonNode before = api().get("/api/v1/merchant/settings", merchant).body();

			Response answer = api().send("PUT", "/api/v1/merchant/settings", merchant, json);

			String field = json.substring(2, json.indexOf('"', 2));
			assertRefused(answer, 400, "VALIDATION", field);
			assertThat(api().get("/api/v1/merchant/settings", merchant).body()).isEqualTo(before);
		}

		@Test
		void overLongOpeningHoursAreRefused() {
			Session merchant = merchantAccount(StrictInputIT.this.canteenId);
			JsonNode before = api().get("/api/v1/merchant/settings", merchant).body();
			String hours = "00:00-00:01,".repeat(20) + "23:00-24:00";

			assertRefused(
					api().send("PUT", "/api/v1/merchant/settings", merchant, "{\"openingHours\": \"" + hours + "\"}"),
					400, "VALIDATION", "openingHours");
			assertThat(api().get("/api/v1/merchant/settings", merchant).body()).isEqualTo(before);
		}

	}

	@Nested
	class RiderShift {

		@ParameterizedTest
		@ValueSource(strings = { "{\"onShift\": \"true\"}", "{\"onShift\": 1}", "{\"onShift\": null}",
				"{\"onShift\": true, \"buildingId\": 1.5}", "{\"onShift\": true, \"buildingId\": \"1\"}",
				"{\"onShift\": true, \"buildingId\": 987654321}" })
		void aShiftChangeWithBadValuesIsRefusedAndTheRiderStaysOffShift(String json) {
			Session rider = api().login("rider29");
			long onShiftBefore = onShift(rider);

			Response answer = api().send("POST", "/api/v1/rider/shift", rider, json);

			assertRefused(answer, 400, "VALIDATION", null);
			assertThat(onShift(rider)).isEqualTo(onShiftBefore);
		}

		@Test
		void pickingUpOrDeliveringAnOrderWithNoTaskIsRefused() {
			Session rider = api().login("rider29");
			Response pickUp = api().post("/api/v1/rider/tasks/987654321987/pickup", rider, Map.of());
			Response deliver = api().post("/api/v1/rider/tasks/987654321987/deliver", rider, Map.of());
			assertThat(pickUp.status()).as(pickUp.raw().body()).isIn(404, 409);
			assertThat(deliver.status()).as(deliver.raw().body()).isIn(404, 409);
			assertThat(pickUp.code()).isIn("ORDER_NOT_FOUND", "ORDER_STATE_CONFLICT");
			assertThat(api().get("/api/v1/rider/tasks", rider).body()).isEmpty();
		}

		private long onShift(Session rider) {
			return count("select count(*) from delivery.rider where rider_id = ? and on_shift", rider.userId());
		}

	}

	@Nested
	class CouponBatches {

		private static final String GOOD = """
				{"name": "满20减5", "amountOffCents": 500, "minSpendCents": 2000, "validFrom": "%s",
				 "validUntil": "%s", "totalQuantity": 10, "perStudentLimit": 1}""";

		@ParameterizedTest
		@ValueSource(strings = { "\"amountOffCents\": 500|\"amountOffCents\": 1.5",
				"\"amountOffCents\": 500|\"amountOffCents\": \"500\"", "\"totalQuantity\": 10|\"totalQuantity\": 10.5",
				"\"perStudentLimit\": 1|\"perStudentLimit\": true", "\"name\": \"满20减5\"|\"name\": \"满20\\u0000减5\"",
				"\"name\": \"满20减5\"|\"name\": \"满20\\ud800减5\"", "\"name\": \"满20减5\"|\"name\": 2005",
				"\"perStudentLimit\": 1|\"perStudentLimit\": 101",
				"\"amountOffCents\": 500|\"amountOffCents\": 2147483648" })
		void aBatchWithAValueOfTheWrongTypeOrRangeIsNotIssued(String replacement) {
			String[] parts = replacement.split("\\|");
			String json = good().replace(parts[0], parts[1]);
			String field = parts[0].substring(1, parts[0].indexOf('"', 1));
			assertBatchRefused(json, field);
		}

		@Test
		void aBatchNameOverOneHundredCharactersIsNotIssued() {
			assertBatchRefused(good().replace("满20减5", "券".repeat(101)), "name");
		}

		@Test
		void aBatchValidUntilTheYear99999OrStartingIn1970IsNotIssued() {
			java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
			assertBatchRefused(GOOD.formatted(now, "+99999-01-01T00:00:00+08:00"), "validUntil");
			assertBatchRefused(GOOD.formatted(now, now.plusYears(2)), "validUntil");
			assertBatchRefused(GOOD.formatted("1970-01-01T00:00:00+08:00", now.plusDays(1)), "validFrom");
			assertBatchRefused(GOOD.formatted(now, now.minusMinutes(1)), "validUntil");
			assertBatchRefused(GOOD.formatted(now, "tomorrow"), "validUntil");
			assertBatchRefused(GOOD.replace("\"%s\"", "1700000000").formatted(), "validFrom");
		}

		@Test
		void claimingABatchThatDoesNotExistIsRefused() {
			Session claimer = student(173);
			long couponsBefore = count("select count(*) from promotion.coupon where student_id = ?", claimer.userId());
			Response answer = api().post("/api/v1/coupon-batches/987654321987/claim", claimer, Map.of());
			assertThat(answer.status()).as(answer.raw().body()).isIn(404, 422);
			assertThat(answer.code()).isEqualTo("COUPON_NOT_CLAIMABLE");
			assertThat(count("select count(*) from promotion.coupon where student_id = ?", claimer.userId()))
				.isEqualTo(couponsBefore);
		}

		private String good() {
			java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
			return GOOD.formatted(now.minusMinutes(1), now.plusDays(1));
		}

		private void assertBatchRefused(String json, String field) {
			Session admin = api().login("admin");
			long before = count("select count(*) from promotion.coupon_batch");
			Response answer = api().send("POST", "/api/v1/admin/coupon-batches", admin, json);
			assertRefused(answer, 400, "VALIDATION", field);
			assertThat(count("select count(*) from promotion.coupon_batch")).isEqualTo(before);
		}

	}

	@Nested
	class VipGrants {

		@ParameterizedTest
		@ValueSource(longs = { -1, 0, 999_999, 987_654_321_987L })
		void grantingVipToAnIdThatNamesNoAccountIsRefused(long id) {
			assertGrantRefused(id, "{}", 422, "UNKNOWN_ACCOUNT", null);
		}

		@Test
		void grantingVipToAMerchantOrRiderAccountIsRefused() {
			assertGrantRefused(api().login("merchant1").userId(), "{}", 422, "UNKNOWN_ACCOUNT", null);
			assertGrantRefused(api().login("rider1").userId(), "{}", 422, "UNKNOWN_ACCOUNT", null);
		}

		@Test
		void aNoteThatIsNotPlainShortTextIsRefused() {
			long student = student(174).userId();
			List<String> notes = new ArrayList<>(List.of(BAD_TEXT));
			notes.addAll(List.of("5", "false", "\"" + "备".repeat(201) + "\""));
			for (String note : notes) {
				assertGrantRefused(student, "{\"note\": " + note + "}", 400, "VALIDATION", "note");
			}
		}

		private void assertGrantRefused(long id, String json, int status, String code, String field) {
			Session admin = api().login("admin");
			long before = count("select count(*) from promotion.vip_membership");
			Response answer = api().send("PUT", "/api/v1/admin/vips/" + id, admin, json);
			assertRefused(answer, status, code, field);
			assertThat(count("select count(*) from promotion.vip_membership")).isEqualTo(before);
		}

	}

	@Nested
	class Login {

		@ParameterizedTest
		@ValueSource(strings = { "{\"username\": \"student1\\u0000\", \"password\": \"demo123\"}",
				"{\"username\": 1, \"password\": \"demo123\"}", "{\"username\": \"student1\", \"password\": 123}",
				"{\"username\": \"student1\", \"password\": \"demo123\\ud800\"}" })
		void credentialsThatAreNotPlainTextAreRefusedWithoutAToken(String json) {
			Response answer = api().send("POST", "/api/v1/auth/login", null, json);
			assertRefused(answer, 400, "VALIDATION", null);
			assertThat(answer.body().path("token").isMissingNode()).isTrue();
		}

	}

	@Nested
	class Paging {

		@ParameterizedTest
		@ValueSource(
				strings = { "size=0", "size=101", "size=-5", "page=-1", "size=abc", "page=1.5", "size=99999999999" })
		void pageOrSizeOutOfRangeIsRefusedNamingTheParameter(String query) {
			String field = query.substring(0, query.indexOf('='));
			assertRefused(api().get("/api/v1/orders?mine&" + query, StrictInputIT.this.student), 400, "VALIDATION",
					field);
			assertRefused(api().get("/api/v1/merchant/orders?" + query, merchantAccount(StrictInputIT.this.canteenId)),
					400, "VALIDATION", field);
			assertRefused(api().get("/api/v1/admin/dead-letters?" + query, api().login("admin")), 400, "VALIDATION",
					field);
		}

		@Test
		void theEdgesOfTheRangeAreAccepted() {
			assertThat(api().get("/api/v1/orders?mine&page=0&size=1", StrictInputIT.this.student).status())
				.isEqualTo(200);
			assertThat(api().get("/api/v1/orders?mine&size=100", StrictInputIT.this.student).status()).isEqualTo(200);
			assertThat(api().get("/api/v1/admin/dead-letters?size=100", api().login("admin")).status()).isEqualTo(200);
		}

		@Test
		void listingOrdersWithoutMineIsAClientError() {
			assertRefused(api().get("/api/v1/orders", StrictInputIT.this.student), 400, "VALIDATION", null);
		}

		@Test
		void anUnknownStatusOrOneWithAControlCharacterIsRefused() {
			Session merchant = merchantAccount(StrictInputIT.this.canteenId);
			assertRefused(api().get("/api/v1/merchant/orders?status=EATEN", merchant), 400, "VALIDATION", "status");
			assertRefused(api().get("/api/v1/merchant/orders?status=PAID%00", merchant), 400, "VALIDATION", "status");
			assertRefused(api().get("/api/v1/merchant/orders?status=PAID%C2%85", merchant), 400, "VALIDATION",
					"status");
		}

	}

	@Nested
	class Operators {

		@Test
		void replayingOrInspectingADeadLetterThatDoesNotExistIsNotFound() {
			Session admin = api().login("admin");
			assertRefused(api().post("/api/v1/admin/dead-letters/987654321987/replay", admin, Map.of()), 404,
					"NOT_FOUND", null);
			assertRefused(api().get("/api/v1/admin/dead-letters/987654321987", admin), 404, "NOT_FOUND", null);
		}

		@Test
		void aSettlementDateThatIsNotADateIsRefused() {
			assertRefused(api().get("/api/v1/admin/settlements?date=yesterday", api().login("admin")), 400,
					"VALIDATION", "date");
		}

	}

	@Nested
	class PaymentProvider {

		@Test
		void anOversizedNotificationIsRefusedBeforeItsSignatureIsChecked() {
			byte[] body = ("{\"x\": \"" + "y".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
			Response answer = notifyAsProvider(body);
			assertRefused(answer, 413, "PAYLOAD_TOO_LARGE", null);
			Response chunked = api().sendChunked("POST", PROVIDER_NOTIFY, null, body);
			assertRefused(chunked, 413, "PAYLOAD_TOO_LARGE", null);
		}

		@Test
		void aSandboxConfirmationOfAPaymentThatDoesNotExistIsNotFound() {
			assertRefused(api().post("/sandbox-pay/987654321987/confirm", null, Map.of()), 404, "NOT_FOUND", null);
			assertRefused(api().post("/sandbox-pay/987654321987/confirm?notify=maybe", null, Map.of()), 400,
					"VALIDATION", "notify");
		}

	}

	/**
	 * Requests Tomcat or the security firewall refuse before any controller: the answer
	 * is still the API's JSON error body with a stable code, never an HTML page.
	 */
	@Nested
	class Paths {

		@ParameterizedTest
		@ValueSource(strings = { "/api/v1/orders/%00", "/api/v1/orders/1%00/timeline", "/api/v1/%2e%2e/admin/vips",
				"/api/v1/orders%2F1", "/api/v1/orders/%zz", "/api/v1/orders/%", "/api/v1//orders",
				"/api/v1/orders/1;x=y", "/api/v1/orders/%01", "/api/v1/orders/%C2%85" })
		void aMalformedOrForbiddenPathGetsAJsonError(String path) throws IOException {
			String answer = raw("""
					GET %s HTTP/1.1\r
					Host: localhost\r
					Authorization: Bearer %s\r
					Connection: close\r
					\r
					""".formatted(path, StrictInputIT.this.student.token()));
			assertJsonError(answer, "HTTP/1.1 400", "VALIDATION");
		}

		@Test
		void anOverlongUrlGetsAJsonError() throws IOException {
			String answer = raw("""
					GET /api/v1/orders?mine&x=%s HTTP/1.1\r
					Host: localhost\r
					Connection: close\r
					\r
					""".formatted("a".repeat(20_000)));
			assertJsonError(answer, "HTTP/1.1 4", null);
		}

		@Test
		void anOverlongHeaderGetsAJsonError() throws IOException {
			String answer = raw("""
					GET /api/v1/merchants HTTP/1.1\r
					Host: localhost\r
					X-Padding: %s\r
					Connection: close\r
					\r
					""".formatted("a".repeat(20_000)));
			assertJsonError(answer, "HTTP/1.1 4", null);
		}

		@Test
		void anUnknownRouteIsAJsonNotFound() {
			assertRefused(api().get("/api/v1/nothing-here", StrictInputIT.this.student), 404, "NOT_FOUND", null);
		}

		private void assertJsonError(String answer, String statusLine, String code) {
			assertThat(answer).startsWith(statusLine);
			assertThat(answer).containsIgnoringCase("content-type: application/json");
			assertThat(answer).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
			assertThat(answer).contains("\"code\":\"" + ((code != null) ? code : ""));
			assertThat(answer).contains("\"message\":\"");
		}

	}

	/**
	 * The coded refusal a client can act on: the status, the stable code, a message, no
	 * stack trace, and (when given) the field named in the details.
	 */
	private static void assertRefused(Response answer, int status, String code, String field) {
		String raw = answer.raw().body();
		assertThat(answer.status()).as(raw).isEqualTo(status);
		assertThat(answer.code()).as(raw).isEqualTo(code);
		assertThat(answer.body().path("message").asString()).isNotBlank();
		assertThat(raw).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("java.lang");
		if (field != null) {
			assertThat(namedFields(answer.body().path("details"))).as("the field, or a path ending in it: " + raw)
				.anyMatch((named) -> named.equals(field) || named.endsWith("." + field));
		}
	}

	private static List<String> namedFields(JsonNode details) {
		List<String> names = new ArrayList<>();
		if (details.has("field")) {
			names.add(details.path("field").asString());
		}
		details.path("fields").forEach((f) -> names.add(f.path("field").asString()));
		return names;
	}

	/**
	 * Whether an answer read so far is whole: its chunked body ended, or as long as its
	 * head says.
	 */
	private static boolean complete(String answer) {
		int end = answer.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String head = answer.substring(0, end).toLowerCase(java.util.Locale.ROOT);
		if (head.contains("transfer-encoding: chunked")) {
			return answer.endsWith("\r\n0\r\n\r\n");
		}
		java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
		return length.find()
				&& answer.getBytes(StandardCharsets.UTF_8).length - end - 4 >= Integer.parseInt(length.group(1));
	}

	/**
	 * One request written byte for byte on a socket, for what an HTTP client library
	 * refuses to send.
	 * @return the whole answer, head and body
	 */
	private String raw(String request) throws IOException {
		URI base = URI.create(api().base());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				int n;
				while (!complete(answer.toString(StandardCharsets.UTF_8)) && (n = in.read(buffer)) >= 0) {
					answer.write(buffer, 0, n);
				}
			}
			catch (IOException ex) {
				// The server may close or reset the connection after answering early,
				// or keep it open to swallow a body that never comes.
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

}
