package org.lunchrush;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.Ids;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' invariant check: all zeros on a healthy platform at rest, and a broken
 * invariant is counted with an example to start from.
 */
class InvariantCheckIT extends IntegrationTest {

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	private Response report() {
		return api().get("/api/v1/admin/invariants", api().login("admin"));
	}

	private static JsonNode check(Response report, String name) {
		for (JsonNode check : report.body().path("checks")) {
			if (check.path("name").asString().equals(name)) {
				return check;
			}
		}
		throw new AssertionError("no check " + name + " in " + report.raw().body());
	}

	@Test
	void aHealthyPlatformAtRestBreaksNoInvariant() {
		await().atMost(PIPELINE).untilAsserted(() -> {
			Response report = report();
			assertThat(report.status()).isEqualTo(200);
			assertThat(report.body().path("ok").asBoolean()).as(report.raw().body()).isTrue();
		});
		List<String> names = new ArrayList<>();
		report().body().path("checks").forEach((check) -> {
			names.add(check.path("name").asString());
			assertThat(check.path("count").asLong()).isZero();
		});
		assertThat(names).containsExactly("OVERSOLD", "CHARGED_NOT_DELIVERABLE", "DOUBLE_CHARGED", "STUCK_PAST_TIMEOUT",
				"STUCK_PLACED", "STOCK_MISMATCH", "COUPON_NOT_RELEASED", "COUPON_MISMATCH");
	}

	@Test
	void anOrderAnswered202ThatIsNotPersistedIsReportedStuckOnceItsGraceIsOverAndNoLonger() {
		Session student = student(137);
		JsonNode merchant = merchantNamed("第二食堂·韩式拌饭");
		long itemId = menuItemId(merchant.path("id").asLong(), "大麦茶");
		MessageListenerContainer persister = this.listeners.getListenerContainer(OrderingTopics.PERSISTER_GROUP);
		String orderId;
		persister.pause();
		try {
			await().atMost(PIPELINE).until(persister::isContainerPaused);
			orderId = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
			long accepted = System.nanoTime();
			Response first = report();
			List<String> early = examples(check(first, "STUCK_PLACED"));
			// The counter took the portion, the ledger has not seen the order:
			// an order on its way is no mismatch (a busy platform has many).
			JsonNode mismatch = check(first, "STOCK_MISMATCH");
			assertThat(mismatch.path("count").asLong()).as(mismatch.toString()).isZero();
			if (Duration.ofNanos(System.nanoTime() - accepted).compareTo(Duration.ofSeconds(4)) < 0) {
				assertThat(early).as("within the grace (5 s here)").doesNotContain(orderId);
			}
			// The stream does not move: once the grace is over, the order is stuck.
			await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				Response report = report();
				assertThat(report.body().path("ok").asBoolean()).isFalse();
				assertThat(examples(check(report, "STUCK_PLACED"))).contains(orderId);
			});
			// And stays so, run after run.
			assertThat(examples(check(report(), "STUCK_PLACED"))).contains(orderId);
			assertThat(indexesListing(orderId)).hasSize(1);
		}
		finally {
			persister.resume();
		}
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		JsonNode stuck = check(report(), "STUCK_PLACED");
		assertThat(stuck.path("count").asLong()).as(stuck.toString()).isZero();
		assertThat(indexesListing(orderId)).as("a settled order leaves the index the check reads").isEmpty();
		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).status()).isEqualTo(200);
	}

	private static List<String> examples(JsonNode check) {
		List<String> examples = new ArrayList<>();
		check.path("examples").forEach((example) -> examples.add(example.asString()));
		return examples;
	}

	/** The indexes of accepted orders by time (one per Redis Cluster slot) listing it. */
	private List<String> indexesListing(String orderId) {
		List<String> listing = new ArrayList<>();
		try (Cursor<String> keys = this.redis.scan(ScanOptions.scanOptions().match("lr:placed-index:*").build())) {
			keys.forEachRemaining((key) -> {
				if (this.redis.opsForZSet().score(key, orderId) != null) {
					listing.add(key);
				}
			});
		}
		return listing;
	}

	@Test
	void redisDisagreeingWithTheLedgerAndAnOversoldItemAreReported() {
		JsonNode merchant = merchantNamed("第二食堂·韩式拌饭");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "大麦茶");
		String key = "lr:stock:{m" + merchantId + "}:" + LocalDate.now(ZoneId.of("Asia/Shanghai"));
		int left = stockLeft(merchantId, itemId);
		try {
			this.redis.opsForHash().put(key, Long.toString(itemId), "-1");

			Response report = report();

			assertThat(report.body().path("ok").asBoolean()).isFalse();
			assertThat(check(report, "STOCK_MISMATCH").path("count").asLong()).isEqualTo(1);
			assertThat(check(report, "STOCK_MISMATCH").path("examples").get(0).asString()).contains("item " + itemId);
			assertThat(check(report, "OVERSOLD").path("count").asLong()).isEqualTo(1);
		}
		finally {
			this.redis.opsForHash().put(key, Long.toString(itemId), Integer.toString(left));
		}
		assertThat(check(report(), "STOCK_MISMATCH").path("count").asLong()).isZero();
	}

	@Test
	void aCancelledOrderStillHoldingItsCouponIsReported() {
		Session student = student(58);
		JsonNode merchant = merchantNamed("第二食堂·韩式拌饭");
		long itemId = menuItemId(merchant.path("id").asLong(), "部队锅");
		String couponId = claimCoupon(student, 300, 1000);
		String orderId = placeAcceptedOrder(student, withCoupon(orderBody(merchant, itemId, 1), couponId));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).status()).isEqualTo(200);
		assertThat(check(report(), "COUPON_NOT_RELEASED").path("count").asLong()).isZero();

		// As if the release had been lost: the coupon still held by the cancelled order.
		this.jdbc.sql("update promotion.coupon set status = 'LOCKED', order_id = ?, locked_at = now() where id = ?")
			.param(Long.parseLong(orderId))
			.param(Long.parseLong(couponId))
			.update();
		try {
			JsonNode notReleased = check(report(), "COUPON_NOT_RELEASED");
			assertThat(notReleased.path("count").asLong()).isEqualTo(1);
			assertThat(notReleased.path("examples").get(0).asString()).contains(orderId).contains(couponId);
			assertThat(check(report(), "COUPON_MISMATCH").path("count").asLong()).as("Redis has it AVAILABLE")
				.isEqualTo(1);
		}
		finally {
			this.jdbc
				.sql("update promotion.coupon set status = 'AVAILABLE', order_id = null, locked_at = null where id = ?")
				.param(Long.parseLong(couponId))
				.update();
		}
		assertThat(report().body().path("ok").asBoolean()).isTrue();
	}

	@Test
	void moneyKeptForACancelledOrderAndASecondChargeAreReported() {
		Session student = student(59);
		JsonNode merchant = merchantNamed("第二食堂·韩式拌饭");
		long itemId = menuItemId(merchant.path("id").asLong(), "紫菜包饭");
		String cancelled = placeAcceptedOrder(student, orderBody(merchant, itemId, 1));
		awaitStatus(student, cancelled, "PENDING_PAYMENT");
		assertThat(api().post("/api/v1/orders/" + cancelled + "/cancel", student, Map.of()).status()).isEqualTo(200);
		String paid = paidOrder(student, orderBody(merchant, itemId, 1));

		// As if the provider's books said so: a charge kept by the cancelled order, and a
		// second charge of the paid one.
		chargeInLedger(cancelled, "SBX-INJECTED-1");
		chargeInLedger(paid, "SBX-INJECTED-2");
		try {
			Response report = report();
			assertThat(check(report, "CHARGED_NOT_DELIVERABLE").path("count").asLong()).isEqualTo(1);
			assertThat(check(report, "CHARGED_NOT_DELIVERABLE").path("examples").get(0).asString()).contains(cancelled);
			assertThat(check(report, "DOUBLE_CHARGED").path("count").asLong()).isEqualTo(1);
			assertThat(check(report, "DOUBLE_CHARGED").path("examples").get(0).asString()).contains(paid);
		}
		finally {
			this.jdbc.sql("delete from payment.ledger where transaction_id like 'SBX-INJECTED-%'").update();
		}
		assertThat(report().body().path("ok").asBoolean()).as(report().raw().body()).isTrue();
	}

	private void chargeInLedger(String orderId, String transactionId) {
		this.jdbc.sql("""
				insert into payment.ledger (id, kind, reference, payment_id, order_id, merchant_id, transaction_id,
				                            amount_cents, occurred_at, recorded_at)
				values (?, 'CHARGE', ?, ?, ?, null, ?, 1300, now(), now())
				""")
			.param(Ids.next())
			.param(transactionId)
			.param(Ids.next())
			.param(Long.parseLong(orderId))
			.param(transactionId)
			.update();
	}

	@Test
	void onlyOperatorsMayRunIt() {
		Session student = student(99);
		assertThat(api().get("/api/v1/admin/invariants", student).status()).isEqualTo(403);
		assertThat(
				api().get("/api/v1/admin/invariants", merchantAccount(merchantNamed("第二食堂·韩式拌饭").path("id").asLong()))
					.status())
			.isEqualTo(403);
	}

}
