package org.lunchrush.support;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lunchrush.kernel.Ids;
import org.lunchrush.payment.sandbox.SandboxSignature;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: the whole platform on a random port against the real
 * services, one Spring context shared by every test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestInfrastructure.class)
public abstract class IntegrationTest {

	protected static final Duration PIPELINE = Duration.ofSeconds(30);

	protected static final String PROVIDER_NOTIFY = "/api/v1/payments/notify/sandbox";

	@Value("${lunchrush.payment.sandbox.merchant-key}")
	private String merchantKey;

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcClient jdbc;

	private Api api;

	protected Api api() {
		if (this.api == null) {
			this.api = new Api(this.port);
		}
		return this.api;
	}

	protected Session student(int n) {
		return api().login("student" + n);
	}

	protected JsonNode merchantNamed(String name) {
		for (JsonNode merchant : api().get("/api/v1/merchants", student(1)).body()) {
			if (merchant.path("name").asString().equals(name)) {
				return merchant;
			}
		}
		throw new IllegalArgumentException("No demo merchant " + name);
	}

	protected List<JsonNode> menu(long merchantId) {
		List<JsonNode> items = new ArrayList<>();
		api().get("/api/v1/merchants/" + merchantId + "/menu", student(1)).body().forEach(items::add);
		return items;
	}

	/**
	 * @return the id of the first item on a merchant's menu
	 */
	protected long firstItemId(JsonNode merchant) {
		return menu(merchant.path("id").asLong()).get(0).path("itemId").asLong();
	}

	/**
	 * @return the signature the sandbox provider puts on a notification body
	 */
	protected String providerSignature(byte[] body) {
		return SandboxSignature.sign(body, this.merchantKey);
	}

	/**
	 * Posts a notification as the sandbox provider does: signed with the merchant key.
	 */
	protected Response notifyAsProvider(byte[] body) {
		return api().postBytes(PROVIDER_NOTIFY, body, "X-Signature", providerSignature(body));
	}

	protected JsonNode menuItem(long merchantId, String name) {
		return menu(merchantId).stream()
			.filter((item) -> item.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No item " + name));
	}

	protected long menuItemId(long merchantId, String name) {
		return menuItem(merchantId, name).path("itemId").asLong();
	}

	protected int stockLeft(long merchantId, long itemId) {
		return menu(merchantId).stream()
			.filter((item) -> item.path("itemId").asLong() == itemId)
			.findFirst()
			.orElseThrow()
			.path("stockLeft")
			.asInt();
	}

	/**
	 * Sets today's stock of an item, as its merchant does.
	 */
	protected void setStockLeft(long merchantId, long itemId, int stock) {
		Response set = api().put("/api/v1/merchant/items/" + itemId + "/stock", merchantAccount(merchantId),
				Map.of("stock", stock));
		assertThat(set.status()).as(set.raw().body()).isEqualTo(200);
	}

	/**
	 * The demo account that runs a merchant.
	 */
	protected Session merchantAccount(long merchantId) {
		return merchantAccount(api(), merchantId);
	}

	/**
	 * The demo account that runs a merchant, on the platform {@code api} reaches (the
	 * replicas', a child process's).
	 */
	protected static Session merchantAccount(Api api, long merchantId) {
		for (int n = 1; n <= 13; n++) {
			Session session = api.login("merchant" + n);
			if (session.login().path("merchantId").asLong() == merchantId) {
				return session;
			}
		}
		throw new IllegalArgumentException("No account runs merchant " + merchantId);
	}

	protected static long firstDeliveryBuilding(JsonNode merchant) {
		return merchant.path("deliveryBuildingIds").get(0).asLong();
	}

	protected static Map<String, Object> orderBody(JsonNode merchant, long itemId, int quantity) {
		return orderBody(merchant, itemId, quantity, firstDeliveryBuilding(merchant));
	}

	protected static Map<String, Object> orderBody(JsonNode merchant, long itemId, int quantity,
			long deliveryBuildingId) {
		return Map.of("merchantId", merchant.path("id").asLong(), "deliveryBuildingId", deliveryBuildingId, "items",
				List.of(Map.of("itemId", itemId, "quantity", quantity)));
	}

	/**
	 * Issues a batch of ten coupons valid for a day (as an operator) and claims one for
	 * the student.
	 * @return the coupon's id
	 */
	protected String claimCoupon(Session student, int amountOffCents, int minSpendCents) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
		Map<String, Object> batch = new HashMap<>();
		batch.put("name", "满" + minSpendCents / 100 + "减" + amountOffCents / 100);
		batch.put("amountOffCents", amountOffCents);
		batch.put("minSpendCents", minSpendCents);
		batch.put("validFrom", now.minusMinutes(1).toString());
		batch.put("validUntil", now.plusDays(1).toString());
		batch.put("totalQuantity", 10);
		batch.put("perStudentLimit", 1);
		Response created = api().post("/api/v1/admin/coupon-batches", api().login("admin"), batch);
		assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
		Response claimed = api().post("/api/v1/coupon-batches/" + created.body().path("batchId").asString() + "/claim",
				student, Map.of());
		assertThat(claimed.status()).as(claimed.raw().body()).isEqualTo(201);
		return claimed.body().path("couponId").asString();
	}

	/**
	 * @return the order body with the coupon to pay with
	 */
	protected static Map<String, Object> withCoupon(Map<String, Object> body, String couponId) {
		Map<String, Object> withCoupon = new HashMap<>(body);
		withCoupon.put("couponId", Long.parseLong(couponId));
		return withCoupon;
	}

	protected Response placeOrder(Session student, Object body) {
		return api().post("/api/v1/orders", student, body, "Idempotency-Key", UUID.randomUUID().toString());
	}

	protected String placeAcceptedOrder(Session student, Object body) {
		Response answer = placeOrder(student, body);
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(202);
		return answer.body().path("orderId").asString();
	}

	protected JsonNode awaitStatus(Session student, String orderId, String status) {
		await().atMost(PIPELINE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("status").asString())
				.isEqualTo(status);
		});
		return api().get("/api/v1/orders/" + orderId, student).body();
	}

	/**
	 * Opens the order's payment with the provider, as the 支付 button does.
	 * @return the payment id
	 */
	protected String requestPayment(Session student, String orderId) {
		Response answer = api().post("/api/v1/orders/" + orderId + "/payment", student, Map.of());
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
		return answer.body().path("paymentId").asString();
	}

	/**
	 * Places an order and pays for it through the sandbox provider.
	 * @return the order id, once the order is PAID
	 */
	protected String paidOrder(Session student, Object body) {
		String orderId = placeAcceptedOrder(student, body);
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		String paymentId = requestPayment(student, orderId);
		assertThat(api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of()).status()).isEqualTo(200);
		awaitStatus(student, orderId, "PAID");
		return orderId;
	}

	protected List<String> timelineTypes(Session student, String orderId) {
		List<String> types = new ArrayList<>();
		api().get("/api/v1/orders/" + orderId + "/timeline", student)
			.body()
			.forEach((entry) -> types.add(entry.path("type").asString()));
		return types;
	}

	/**
	 * Waits for the platform to come to rest and requires every invariant check to find
	 * nothing: no oversell, no money kept for an undeliverable order, no double charge,
	 * no stuck order, Redis agreeing with the ledger.
	 */
	protected void assertInvariantsHold() {
		Session admin = api().login("admin");
		await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Response report = api().get("/api/v1/admin/invariants", admin);
			assertThat(report.body().path("ok").asBoolean()).as(report.raw().body()).isTrue();
		});
	}

	/**
	 * Writes one movement into the stock ledger on the connection given, behind the
	 * platform's back (no live counter is told): within a transaction the test holds
	 * open, or at once when the connection commits by itself.
	 * @param orderId the order the movement is for, {@code null} for an adjustment
	 * @param kind {@code RESERVE}, {@code RELEASE} or {@code ADJUST}
	 */
	protected static void writeLedgerMove(Connection connection, Long orderId, long merchantId, long itemId,
			LocalDate day, String kind, int quantity) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into inventory.stock_ledger (id, item_id, merchant_id, day, kind, quantity, order_id, at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")) {
			insert.setLong(1, Ids.next());
			insert.setLong(2, itemId);
			insert.setLong(3, merchantId);
			insert.setDate(4, Date.valueOf(day));
			insert.setString(5, kind);
			insert.setInt(6, quantity);
			insert.setObject(7, orderId, Types.BIGINT);
			insert.setTimestamp(8, Timestamp.from(Instant.now()));
			insert.executeUpdate();
		}
	}

	protected long count(String sql, Object... params) {
		var statement = this.jdbc.sql(sql);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(Long.class).single();
	}

}
