package org.lunchrush;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lunchrush.cluster.Instances;
import org.lunchrush.inventory.Inventory;
import org.lunchrush.inventory.Reservation;
import org.lunchrush.inventory.StockIntent;
import org.lunchrush.inventory.StockLine;
import org.lunchrush.kernel.Ids;
import org.lunchrush.promotion.Coupons;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A platform process dies (SIGKILL, out of memory) while orders are on their way: it has
 * reserved their portions, and locked a coupon, but the orders never reached the order
 * stream. Another process finds those reservations by their intents (the process is no
 * longer among the living), decides the orders' fates once (given up: should the record
 * ever arrive, it is not persisted), and gives the portions and the coupon back; the
 * invariant check is clean again. A reservation of a living process is left alone. Stall
 * 第二食堂·粥铺点心, item 南瓜小米粥, student 61, which no other test uses.
 */
class OrphanRepairIT extends IntegrationTest {

	@Autowired
	private Inventory inventory;

	@Autowired
	private Coupons coupons;

	@Autowired
	private Instances instances;

	@Autowired
	private StringRedisTemplate redis;

	@Test
	void theReservationsOfAProcessThatDiedAreGivenBackAndTheirOrdersGivenUp() {
		JsonNode merchant = merchantNamed("第二食堂·粥铺点心");
		long merchantId = merchant.path("id").asLong();
		long itemId = menuItemId(merchantId, "南瓜小米粥");
		setStockLeft(merchantId, itemId, 30);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Session student = student(61);
		String couponId = claimCoupon(student, 100, 200);

		// What the dead process did before it died: a coupon locked and portions reserved
		// for two orders, a minute ago; neither reached the order stream.
		Instant aMinuteAgo = Instant.now().minusSeconds(60);
		long withCoupon = Ids.next();
		this.coupons.lock(student.userId(), Long.parseLong(couponId), withCoupon, 600, aMinuteAgo);
		assertThat(this.inventory.reserve(merchantId, today, List.of(new StockLine(itemId, 2)),
				new StockIntent(withCoupon, "replica-gone", aMinuteAgo, "s" + student.userId() + " c" + couponId)))
			.isInstanceOf(Reservation.Reserved.class);
		long plain = Ids.next();
		assertThat(this.inventory.reserve(merchantId, today, List.of(new StockLine(itemId, 3)),
				new StockIntent(plain, "replica-gone", aMinuteAgo, "s" + student.userId() + " c0")))
			.isInstanceOf(Reservation.Reserved.class);
		// And one of this living process, in flight: not an orphan.
		long inFlight = Ids.next();
		assertThat(this.inventory.reserve(merchantId, today, List.of(new StockLine(itemId, 1)),
				new StockIntent(inFlight, this.instances.self(), aMinuteAgo, "s" + student.userId() + " c0")))
			.isInstanceOf(Reservation.Reserved.class);

		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(stockLeft(merchantId, itemId)).as("the dead process's 5 portions back")
				.isEqualTo(29));
		assertThat(this.redis.opsForValue().get("lr:fate:{s" + student.userId() + "}:" + withCoupon))
			.as("given up for good: a late record would not be persisted")
			.isEqualTo("ABANDONED");
		assertThat(this.redis.opsForValue().get("lr:fate:{s" + student.userId() + "}:" + plain)).isEqualTo("ABANDONED");
		assertThat(this.inventory.heldStock(today)).as("the living process's reservation is still held")
			.anyMatch((held) -> held.intent().orderId() == inFlight)
			.noneMatch((held) -> held.intent().orderId() == withCoupon || held.intent().orderId() == plain);

		// Intake gives its own reservation back when Kafka does not take the order: once.
		assertThat(this.inventory.undoReservation(merchantId, today, inFlight, List.of(new StockLine(itemId, 1))))
			.isTrue();
		assertThat(this.inventory.undoReservation(merchantId, today, inFlight, List.of(new StockLine(itemId, 1))))
			.as("a second give-back finds no intent and gives nothing")
			.isFalse();
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(30);

		// The coupon the dead process had locked is the student's to use again.
		String orderId = placeAcceptedOrder(student, withCoupon(orderBody(merchant, itemId, 1), couponId));
		awaitStatus(student, orderId, "PENDING_PAYMENT");
		assertThat(stockLeft(merchantId, itemId)).isEqualTo(29);
		assertInvariantsHold();
	}

}
