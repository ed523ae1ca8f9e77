package org.lunchrush;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lunchrush.payment.sandbox.SandboxSignature;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.PlatformProcess;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives every write route of the packaged platform with generated requests (Jazzer:
 * coverage-guided over the choices this class makes, from bytes it mutates): bodies that
 * are valid, mutated field by field (wrong types, control characters, lone surrogates,
 * huge numbers and texts, missing and unknown fields) or not JSON at all, ids that exist,
 * belong to someone else or name nothing, odd headers, tokens of every role or none. No
 * answer may be a {@code 5xx} or anything but the JSON error shape; afterwards, once the
 * platform has come to rest, no order may be stuck and the invariant check must find
 * nothing.
 * <p>
 * It runs in a JVM of its own (the {@code fuzz} execution of failsafe, with
 * {@code JAZZER_FUZZ=1}) for the {@code maxDuration} below. Every input that ever failed
 * is kept under {@code src/test/resources/org/lunchrush/ApiFuzzITInputs/} and replayed
 * first, in fuzzing runs and in plain ones alike.
 */
class ApiFuzzIT {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final Map<String, AtomicInteger> OUTCOMES = new ConcurrentSkipListMap<>();

	/**
	 * Written (under the build directory) by a fuzzing run that ended well; required by
	 * the build when the whole suite runs.
	 */
	static final String PASSED_MARKER = "api-fuzz/passed.txt";

	/**
	 * Fewer inputs than this in the fuzzing time means the platform barely answered.
	 */
	private static final int MINIMUM_INPUTS = 1_000;

	private static PlatformProcess platform;

	/**
	 * Inputs tried, and inputs that ended without a finding: they differ only when a
	 * finding ended the run.
	 */
	private static final AtomicInteger STARTED = new AtomicInteger();

	private static final AtomicInteger PASSED = new AtomicInteger();

	private static Fixtures fixtures;

	@BeforeAll
	static void startThePlatform() throws Exception {
		Files.deleteIfExists(Path.of(System.getProperty("lunchrush.build-directory", "target"), PASSED_MARKER));
		platform = PlatformProcess.fresh("fuzz",
				Map.of("LUNCHRUSH_RATE_LIMIT_PER_STUDENT", "1000000", "LUNCHRUSH_PAYMENT_TIMEOUT", "20s",
						"LUNCHRUSH_ORDERING_DEADLINE_CHECK_INTERVAL", "1s", "LUNCHRUSH_OPS_STUCK_GRACE", "5s",
						"LUNCHRUSH_DISPATCH_INTERVAL", "1s",
						// The fuzzer logs in from one address far more often than any
						// dorm;
						// the per-IP throttle is LoginThrottleIT's to prove.
						"LUNCHRUSH_LOGIN_IP_FAILURES", "1000000"));
		platform.start();
		fixtures = Fixtures.prepare(platform.api());
	}

	/**
	 * Once the fuzzing is over: no order stuck, the invariant check clean. A fuzzing run
	 * that got this far without a finding, over enough inputs, leaves
	 * {@value #PASSED_MARKER} behind, which the build requires (Jazzer can end a run on a
	 * finding in a way that leaves the test report empty; the marker cannot be faked that
	 * way).
	 */
	@AfterAll
	static void nothingIsStuckAndTheInvariantsHold() throws Exception {
		try {
			System.out.println("ApiFuzzIT: " + STARTED.get() + " inputs, " + PASSED.get()
					+ " without a finding; outcomes (route -> status: count): " + OUTCOMES);
			Api api = platform.api();
			// A login of its own: the fuzzer may have revoked the operator's first token.
			Response login = api.post("/api/v1/auth/login", null,
					Map.of("username", "admin", "password", Api.PASSWORD));
			assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
			Session admin = new Session("admin", login.body().path("token").asString(),
					login.body().path("userId").asLong(), login.body());
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				Response report = api.get("/api/v1/admin/invariants", admin);
				assertThat(report.body().path("ok").asBoolean()).as(report.raw().body()).isTrue();
			});
			if (System.getenv("JAZZER_FUZZ") != null) {
				assertThat(PASSED.get()).as("every input tried ended without a finding").isEqualTo(STARTED.get());
				assertThat(PASSED.get()).as("inputs tried while fuzzing").isGreaterThanOrEqualTo(MINIMUM_INPUTS);
				Path marker = Path.of(System.getProperty("lunchrush.build-directory", "target"), PASSED_MARKER);
				Files.createDirectories(marker.getParent());
				Files.writeString(marker, PASSED.get() + " inputs without a finding, then nothing stuck and the "
						+ "invariant check clean\n" + OUTCOMES + "\n");
			}
		}
		finally {
			if (platform != null) {
				platform.kill();
			}
		}
	}

	@FuzzTest(maxDuration = "90s")
	void everyWriteRouteAnswersWithoutAServerError(FuzzedDataProvider data) throws Exception {
		STARTED.incrementAndGet();
		Request request = Request.generate(data, fixtures);
		Optional<HttpResponse<String>> sent = send(request);
		if (sent.isEmpty()) {
			PASSED.incrementAndGet();
			return;
		}
		HttpResponse<String> answer = sent.get();
		OUTCOMES.computeIfAbsent(request.route().name() + " -> " + answer.statusCode(), (k) -> new AtomicInteger())
			.incrementAndGet();
		if (answer.statusCode() >= 500) {
			throw new AssertionError(request + "\n answered " + answer.statusCode() + ": " + answer.body());
		}
		if (answer.statusCode() >= 400) {
			String type = answer.headers().firstValue("Content-Type").orElse("");
			if (!type.startsWith("application/json") || !answer.body().contains("\"code\"")) {
				throw new AssertionError(request + "\n answered " + answer.statusCode() + " without the JSON error "
						+ "shape (" + type + "): " + answer.body());
			}
		}
		PASSED.incrementAndGet();
	}

	/**
	 * @return the answer; empty when the request is not one the client library can
	 * express (not a URI at all): nothing was asked
	 */
	private static Optional<HttpResponse<String>> send(Request request) throws Exception {
		HttpRequest.Builder builder;
		try {
			builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + request.path()));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		builder.timeout(Duration.ofSeconds(20));
		request.headers().forEach((name, value) -> {
			try {
				builder.header(name, value);
			}
			catch (IllegalArgumentException ex) {
				// A header value the client library refuses to send (a newline, say).
			}
		});
		builder.method(request.route().method(), (request.body() != null)
				? HttpRequest.BodyPublishers.ofByteArray(request.body()) : HttpRequest.BodyPublishers.noBody());
		return Optional.of(HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
	}

	/**
	 * The write routes, each with the role that may use it and the body it takes (names a
	 * {@link Fixtures} value with {@code $name}).
	 */
	enum Route {

		PLACE_ORDER("POST", "/api/v1/orders", "STUDENT",
				"{\"merchantId\":$merchant,\"deliveryBuildingId\":$building,\"items\":[{\"itemId\":$item,\"quantity\":1}],\"note\":\"少放辣\"}"),
		PLACE_ORDER_WITH_COUPON("POST", "/api/v1/orders", "STUDENT",
				"{\"merchantId\":$merchant,\"deliveryBuildingId\":$building,\"items\":[{\"itemId\":$item,\"quantity\":2}],\"couponId\":$coupon}"),
		PAY("POST", "/api/v1/orders/{order}/payment", "STUDENT", null),
		CANCEL("POST", "/api/v1/orders/{order}/cancel", "STUDENT", null),
		ACCEPT("POST", "/api/v1/merchant/orders/{order}/accept", "MERCHANT", null),
		REJECT("POST", "/api/v1/merchant/orders/{order}/reject", "MERCHANT", "{\"reason\":\"卖完了\"}"),
		READY("POST", "/api/v1/merchant/orders/{order}/ready", "MERCHANT", null),
		APPROVE_CANCELLATION("POST", "/api/v1/merchant/orders/{order}/cancellation/approve", "MERCHANT", null),
		DECLINE_CANCELLATION("POST", "/api/v1/merchant/orders/{order}/cancellation/decline", "MERCHANT",
				"{\"reason\":\"已出餐\"}"),
		SET_STOCK("PUT", "/api/v1/merchant/items/{item}/stock", "MERCHANT", "{\"stock\":50}"),
		SET_ON_SALE("PUT", "/api/v1/merchant/items/{item}/on-sale", "MERCHANT", "{\"onSale\":true}"),
		SETTINGS("PUT", "/api/v1/merchant/settings", "MERCHANT",
				"{\"autoAccept\":false,\"busy\":false,\"openingHours\":\"00:00-24:00\"}"),
		SHIFT("POST", "/api/v1/rider/shift", "RIDER", "{\"onShift\":true,\"buildingId\":$building}"),
		PICKUP("POST", "/api/v1/rider/tasks/{order}/pickup", "RIDER", null),
		DELIVER("POST", "/api/v1/rider/tasks/{order}/deliver", "RIDER", null),
		CONFIRM_AT_PROVIDER("POST", "/sandbox-pay/{payment}/confirm", "NONE", null),
		PROVIDER_NOTIFICATION("POST", "/api/v1/payments/notify/sandbox", "NONE",
				"{\"type\":\"CHARGE\",\"transactionId\":\"fuzz-1\",\"paymentId\":$payment,\"orderId\":$order,\"amountCents\":100}"),
		CLAIM_COUPON("POST", "/api/v1/coupon-batches/{batch}/claim", "STUDENT", null),
		NEW_COUPON_BATCH("POST", "/api/v1/admin/coupon-batches", "ADMIN",
				"{\"name\":\"满10减3\",\"amountOffCents\":300,\"minSpendCents\":1000,\"validFrom\":\"$from\",\"validUntil\":\"$until\",\"totalQuantity\":10,\"perStudentLimit\":1}"),
		GRANT_VIP("PUT", "/api/v1/admin/vips/{student}", "ADMIN", "{\"note\":\"fuzz\"}"),
		REVOKE_VIP("DELETE", "/api/v1/admin/vips/{student}", "ADMIN", null),
		REPLAY_DEAD_LETTER("POST", "/api/v1/admin/dead-letters/{letter}/replay", "ADMIN", null),
		DISABLE_ACCOUNT("POST", "/api/v1/admin/accounts/{student}/disable", "ADMIN", null),
		ENABLE_ACCOUNT("POST", "/api/v1/admin/accounts/{student}/enable", "ADMIN", null),
		LOGIN("POST", "/api/v1/auth/login", "NONE", "{\"username\":\"student3\",\"password\":\"demo123\"}"),
		LOGOUT("POST", "/api/v1/auth/logout", "STUDENT", null),
		MY_ORDERS("GET", "/api/v1/orders?mine&page=$page&size=$size", "STUDENT", null),
		MERCHANT_ORDERS("GET", "/api/v1/merchant/orders?status=PAID&page=$page&size=$size", "MERCHANT", null),
		DEAD_LETTERS("GET", "/api/v1/admin/dead-letters?page=$page&size=$size", "ADMIN", null),
		REFUSED_NOTIFICATIONS("GET", "/api/v1/admin/refused-notifications?page=$page&size=$size", "ADMIN", null);

		private final String method;

		private final String template;

		private final String role;

		private final String body;

		Route(String method, String template, String role, String body) {
			this.method = method;
			this.template = template;
			this.role = role;
			this.body = body;
		}

		String method() {
			return this.method;
		}

	}

	/**
	 * One generated request.
	 */
	record Request(Route route, String path, Map<String, String> headers, byte[] body) {

		private static final String[] NASTY_IDS = { "0", "-1", "9223372036854775807", "9223372036854775808",
				"99999999999999999999", "1.5", "1e3", "abc", "%00", "%2e%2e", "%2F", "%", "%zz", "null", "", " ", "１２３",
				"0x10", "-0", "+1" };

		private static final String[] NASTY_TEXT = { "\u0000", "a\u0000b", "\ud800", "\udfff", "\u001f", "\u007f",
				"\u0085", "\u202e", "\r\n", "'; drop table ordering.orders; --", "<script>alert(1)</script>", "..",
				"${jndi:ldap://x}", "%s%n", "" };

		static Request generate(FuzzedDataProvider data, Fixtures fixtures) {
			Route route = data.pickValue(Route.values());
			Map<String, String> headers = new LinkedHashMap<>();
			Optional<String> token = token(data, route, fixtures);
			token.ifPresent((value) -> headers.put("Authorization", "Bearer " + value));
			String path = fill(route.template, data, fixtures, true);
			byte[] body = body(route, data, fixtures);
			if (body != null) {
				headers.put("Content-Type", data.pickValue(new String[] { "application/json", "application/json",
						"application/json", "application/json; charset=UTF-8", "text/plain", "application/xml" }));
			}
			if (route == Route.PLACE_ORDER || route == Route.PLACE_ORDER_WITH_COUPON) {
				headers.put("Idempotency-Key",
						data.consumeBoolean() ? UUID.randomUUID().toString() : data.consumeString(80));
			}
			if (route == Route.PROVIDER_NOTIFICATION && body != null) {
				headers.put("X-Signature", data.consumeBoolean() ? SandboxSignature.sign(body, fixtures.sandboxKey())
						: data.consumeString(70));
			}
			if (data.consumeInt(0, 9) == 0) {
				headers.put("Accept-Language", data.consumeString(20));
			}
			return new Request(route, path, headers, body);
		}

		private static Optional<String> token(FuzzedDataProvider data, Route route, Fixtures fixtures) {
			if (route == Route.LOGOUT) {
				// A logout revokes every token of its account: only an account of its own
				// may be logged out, or the rest of the run would be answered 401.
				return switch (data.consumeInt(0, 2)) {
					case 0 -> Optional.of(fixtures.tokens().get("STUDENT_LOGGING_OUT"));
					case 1 -> Optional.empty();
					default -> Optional.of(data.consumeString(200));
				};
			}
			int pick = data.consumeInt(0, 19);
			if (pick < 15) {
				return Optional.ofNullable(fixtures.tokens().get(route.role));
			}
			return switch (pick) {
				case 15 -> Optional.empty();
				case 16 -> Optional.of(data.consumeString(200));
				case 17 -> Optional.of(fixtures.tokens().get("STUDENT_OTHER"));
				default -> Optional.ofNullable(fixtures.tokens()
					.get(data.pickValue(new String[] { "STUDENT", "MERCHANT", "RIDER", "ADMIN" })));
			};
		}

		/**
		 * Replaces {@code {name}} (a path segment, percent-encoded unless raw) and
		 * {@code $name} (a JSON value or query value) with a fixture, another fixture of
		 * the same kind, or something nasty.
		 */
		private static String fill(String template, FuzzedDataProvider data, Fixtures fixtures, boolean path) {
			StringBuilder out = new StringBuilder();
			int i = 0;
			while (i < template.length()) {
				char c = template.charAt(i);
				if (path && c == '{') {
					int end = template.indexOf('}', i);
					out.append(segment(data, fixtures.value(template.substring(i + 1, end))));
					i = end + 1;
				}
				else if (c == '$') {
					int end = i + 1;
					while (end < template.length() && Character.isLetter(template.charAt(end))) {
						end++;
					}
					String value = fixtures.value(template.substring(i + 1, end));
					out.append(path ? segment(data, value) : value);
					i = end;
				}
				else {
					out.append(c);
					i++;
				}
			}
			return out.toString();
		}

		private static String segment(FuzzedDataProvider data, String valid) {
			return switch (data.consumeInt(0, 9)) {
				case 0, 1 -> data.pickValue(NASTY_IDS);
				case 2 -> Long.toString(data.consumeLong());
				case 3 -> percentEncoded(data.consumeString(30));
				default -> valid;
			};
		}

		private static byte[] body(Route route, FuzzedDataProvider data, Fixtures fixtures) {
			if (route.body == null) {
				return data.consumeInt(0, 9) == 0 ? Json.of(value(data, 2)).getBytes(StandardCharsets.UTF_8) : null;
			}
			String valid = fill(route.body, data, fixtures, false);
			return switch (data.consumeInt(0, 11)) {
				case 0, 1, 2 -> valid.getBytes(StandardCharsets.UTF_8);
				case 3 -> Json.of(value(data, 3)).getBytes(StandardCharsets.UTF_8);
				case 4 -> data.consumeBytes(2000);
				case 5 -> ("{\"pad\":\"" + "x".repeat(100_000 + data.consumeInt(0, 100_000)) + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				case 6 -> valid.substring(0, data.consumeInt(0, valid.length())).getBytes(StandardCharsets.UTF_8);
				default -> Json.of(mutated(Json.parse(valid), data)).getBytes(StandardCharsets.UTF_8);
			};
		}

		/**
		 * A valid body with a few of its fields changed, dropped, or joined by unknown
		 * ones.
		 */
		@SuppressWarnings("unchecked")
		private static Object mutated(Object valid, FuzzedDataProvider data) {
			if (!(valid instanceof Map<?, ?> map)) {
				return value(data, 2);
			}
			Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) map);
			int mutations = data.consumeInt(1, 3);
			for (int m = 0; m < mutations && !body.isEmpty(); m++) {
				List<String> fields = new ArrayList<>(body.keySet());
				String field = data.pickValue(fields);
				switch (data.consumeInt(0, 5)) {
					case 0 -> body.remove(field);
					case 1 -> body.put(data.consumeString(20), value(data, 2));
					case 2 -> body.put(field, (body.get(field) instanceof List<?> list && !list.isEmpty())
							// A list that may hold null, as JSON may.
							? Arrays.asList(mutated(list.get(0), data), value(data, 1)) : value(data, 2));
					default -> body.put(field, value(data, 2));
				}
			}
			return body;
		}

		/**
		 * A JSON value of any kind, the edge cases favoured.
		 */
		private static Object value(FuzzedDataProvider data, int depth) {
			int kind = data.consumeInt(0, (depth > 0) ? 11 : 9);
			return switch (kind) {
				case 0 -> null;
				case 1 -> data.consumeBoolean();
				case 2 -> data.pickValue(new Object[] { 0, -1, 1, 99, 100, Integer.MAX_VALUE, Integer.MIN_VALUE,
						Long.MAX_VALUE, Long.MIN_VALUE });
				case 3 -> data.consumeLong();
				case 4 -> data.pickValue(new Object[] { 1.5, -0.0, 1e308, 4.9e-324, 0.1 });
				case 5 -> data.pickValue(NASTY_TEXT);
				case 6 -> data.consumeString(64);
				case 7 -> "汉".repeat(data.consumeInt(0, 3000));
				case 8 -> data.pickValue(new Object[] { "1", "true", "false", "1.5", "-1", "2026-12-04T12:00:00+08:00",
						"00:00-24:00", "11:00-13:00,12:00-14:00", "11:00-13:00,", "+99999-01-01T00:00:00Z" });
				case 9 -> new java.math.BigInteger("1" + "0".repeat(data.consumeInt(19, 400)));
				case 10 -> {
					List<Object> list = new ArrayList<>();
					int size = data.consumeInt(0, 3);
					for (int n = 0; n < size; n++) {
						list.add(value(data, depth - 1));
					}
					yield list;
				}
				default -> {
					Map<String, Object> map = new LinkedHashMap<>();
					int size = data.consumeInt(0, 3);
					for (int n = 0; n < size; n++) {
						map.put(data.pickValue(new String[] { "itemId", "quantity", "stock", "onSale", "note", "x" }),
								value(data, depth - 1));
					}
					yield map;
				}
			};
		}

		private static String percentEncoded(String text) {
			StringBuilder out = new StringBuilder();
			for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
				out.append('%').append(String.format("%02X", b));
			}
			return out.toString();
		}

		@Override
		public String toString() {
			String shown = (this.body == null) ? "(none)" : new String(this.body, StandardCharsets.UTF_8);
			if (shown.length() > 400) {
				shown = shown.substring(0, 400) + "… (" + this.body.length + " bytes)";
			}
			Map<String, String> headers = new TreeMap<>(this.headers);
			headers.computeIfPresent("Authorization", (k, v) -> v.length() > 40 ? v.substring(0, 40) + "…" : v);
			return this.route.method + " " + this.path + " " + headers + " body " + shown;
		}

	}

	/**
	 * What the requests are made of: tokens of each role, ids that exist (an order, an
	 * item, a payment, a coupon and its batch, a student) and the sandbox key.
	 */
	record Fixtures(Map<String, String> tokens, Map<String, String> values, String sandboxKey) {

		String value(String name) {
			return this.values.getOrDefault(name, "1");
		}

		static Fixtures prepare(Api api) {
			Session student = api.login("student1");
			Session other = api.login("student2");
			Session loggingOut = api.login("student3");
			Session merchant = api.login("merchant1");
			Session rider = api.login("rider1");
			Session admin = api.login("admin");
			Map<String, String> tokens = new HashMap<>();
			tokens.put("STUDENT", student.token());
			tokens.put("STUDENT_OTHER", other.token());
			tokens.put("STUDENT_LOGGING_OUT", loggingOut.token());
			tokens.put("MERCHANT", merchant.token());
			tokens.put("RIDER", rider.token());
			tokens.put("ADMIN", admin.token());
			long merchantId = merchant.login().path("merchantId").asLong();
			JsonNode shop = null;
			for (JsonNode candidate : api.get("/api/v1/merchants", student).body()) {
				if (candidate.path("id").asLong() == merchantId) {
					shop = candidate;
				}
			}
			assertThat(shop).as("merchant1's stall").isNotNull();
			String item = api.get("/api/v1/merchants/" + merchantId + "/menu", student)
				.body()
				.get(0)
				.path("itemId")
				.asString();
			String building = shop.path("deliveryBuildingIds").get(0).asString();
			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
			Response batch = api.post("/api/v1/admin/coupon-batches", admin,
					Map.of("name", "满10减3", "amountOffCents", 300, "minSpendCents", 1000, "validFrom",
							now.minusMinutes(1).toString(), "validUntil", now.plusDays(1).toString(), "totalQuantity",
							100, "perStudentLimit", 5));
			assertThat(batch.status()).as(batch.raw().body()).isEqualTo(201);
			String batchId = batch.body().path("batchId").asString();
			Response coupon = api.post("/api/v1/coupon-batches/" + batchId + "/claim", student, Map.of());
			assertThat(coupon.status()).as(coupon.raw().body()).isEqualTo(201);
			Response order = api.post("/api/v1/orders", student,
					Map.of("merchantId", merchantId, "deliveryBuildingId", Long.parseLong(building), "items",
							List.of(Map.of("itemId", Long.parseLong(item), "quantity", 1))),
					"Idempotency-Key", UUID.randomUUID().toString());
			assertThat(order.status()).as(order.raw().body()).isEqualTo(202);
			String orderId = order.body().path("orderId").asString();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> "PENDING_PAYMENT"
					.equals(api.get("/api/v1/orders/" + orderId, student).body().path("status").asString()));
			Response payment = api.post("/api/v1/orders/" + orderId + "/payment", student, Map.of());
			assertThat(payment.status()).as(payment.raw().body()).isEqualTo(200);
			Map<String, String> values = new HashMap<>();
			values.put("merchant", Long.toString(merchantId));
			values.put("building", building);
			values.put("item", item);
			values.put("order", orderId);
			values.put("payment", payment.body().path("paymentId").asString());
			values.put("coupon", coupon.body().path("couponId").asString());
			values.put("batch", batchId);
			values.put("student", Long.toString(other.userId()));
			values.put("letter", "1");
			values.put("from", now.minusMinutes(1).toString());
			values.put("until", now.plusDays(1).toString());
			values.put("page", "0");
			values.put("size", "20");
			return new Fixtures(tokens, values, platform.sandboxKey());
		}

	}

	/**
	 * JSON written by hand, so that a lone surrogate or a control character reaches the
	 * platform exactly as an attacker would send it (escaped), and read back with the
	 * test's mapper.
	 */
	static final class Json {

		private Json() {
		}

		static Object parse(String json) {
			return Api.json().readValue(json, Object.class);
		}

		static String of(Object value) {
			StringBuilder out = new StringBuilder();
			write(value, out);
			return out.toString();
		}

		private static void write(Object value, StringBuilder out) {
			switch (value) {
				case null -> out.append("null");
				case String text -> {
					out.append('"');
					for (int i = 0; i < text.length(); i++) {
						char c = text.charAt(i);
						if (c == '"' || c == '\\') {
							out.append('\\').append(c);
						}
						else if (c < 0x20 || Character.isSurrogate(c) || c == 0x7f) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
					out.append('"');
				}
				case Map<?, ?> map -> {
					out.append('{');
					boolean first = true;
					for (Map.Entry<?, ?> entry : map.entrySet()) {
						if (!first) {
							out.append(',');
						}
						first = false;
						write(String.valueOf(entry.getKey()), out);
						out.append(':');
						write(entry.getValue(), out);
					}
					out.append('}');
				}
				case List<?> list -> {
					out.append('[');
					for (int i = 0; i < list.size(); i++) {
						if (i > 0) {
							out.append(',');
						}
						write(list.get(i), out);
					}
					out.append(']');
				}
				default -> out.append(value);
			}
		}

	}

}
