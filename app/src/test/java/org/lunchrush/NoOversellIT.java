package org.lunchrush;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.StockAudit;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lunch rush in miniature: 2,000 students' orders race for 100 portions.
 */
class NoOversellIT extends IntegrationTest {

	private static final int STOCK = 100;

	private static final int ORDERS = 2_000;

	@Autowired
	private Inventory inventory;

	@Test
	void exactlyTheStockIsSoldAndTheRestAreToldSoldOut() throws Exception {
		JsonNode merchant = merchantNamed("第二食堂·粥铺点心");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "茶叶蛋");
		setStockLeft(merchantId, itemId, STOCK);

		List<Session> students = new ArrayList<>();
		// Students 100 to 199 but 150 and 151 (RateLimitIT's): each test class orders as
		// its
		// own students, so one class's orders never eat another's token bucket.
		for (int n = 100; n < 200; n++) {
			if (n != 150 && n != 151) {
				students.add(student(n));
			}
		}
		for (int n = 1; n <= 10; n++) {
			students.add(api().login("vip" + n));
		}
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
		Semaphore inFlight = new Semaphore(200);
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < ORDERS; i++) {
				Session student = students.get(i % students.size());
				results.add(executor.submit(() -> {
					inFlight.acquireUninterruptibly();
					try {
						Response answer = placeOrder(student, orderBody(merchant, itemId, 1));
						String outcome = answer.status() + " " + answer.code();
						outcomes.computeIfAbsent(outcome, (k) -> new AtomicInteger()).incrementAndGet();
						if (answer.status() == 202) {
							accepted.add(answer.body().path("orderId").asString());
						}
					}
					finally {
						inFlight.release();
					}
				}));
			}
			for (Future<?> result : results) {
				result.get();
			}
		}

		java.time.Instant burstEnded = java.time.Instant.now();

		assertThat(outcomes).containsOnlyKeys("202 ", "409 SOLD_OUT");
		// Exactly the stock is sold. Only if the burst outlasts the payment deadline (20
		// s in
		// the tests) can unpaid orders give portions back while it runs, and only those
		// portions can be sold a second time.
		long releasedDuringBurst = count("""
				select count(*) from inventory.stock_ledger
				where item_id = ? and kind = 'RELEASE' and at <= ?
				""", itemId, java.sql.Timestamp.from(burstEnded));
		int sold = outcomes.get("202 ").get();
		assertThat(sold).isBetween(STOCK, STOCK + (int) releasedDuringBurst);
		assertThat(outcomes.get("409 SOLD_OUT").get()).isEqualTo(ORDERS - sold);
		if (releasedDuringBurst == 0) {
			assertThat(stockLeft(merchantId, itemId)).isZero();
		}

		// After the pipeline drains, every accepted order is persisted exactly once, and
		// the
		// ledger and the live counter agree (payment deadlines may be releasing stock
		// meanwhile; the invariant holds throughout).
		await().atMost(PIPELINE)
			.until(() -> count("select count(*) from ordering.order_line where item_id = ?", itemId) == sold);
		assertThat(count("select count(distinct order_id) from ordering.order_line where item_id = ?", itemId))
			.isEqualTo(sold);
		assertThat(count("select count(*) from inventory.stock_ledger where item_id = ? and kind = 'RESERVE'", itemId))
			.isEqualTo(sold);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		await().atMost(PIPELINE).untilAsserted(() -> {
			StockAudit audit = this.inventory.audit(today)
				.stream()
				.filter((a) -> a.itemId() == itemId)
				.findFirst()
				.orElseThrow();
			assertThat(audit.agrees()).as(audit.toString()).isTrue();
			// Nothing of this item was sold today before the merchant set 100 portions
			// left.
			assertThat(audit.sold() + audit.liveAvailable().orElseThrow()).as(audit.toString()).isEqualTo(STOCK);
		});
	}

}
