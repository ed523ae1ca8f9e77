package org.lunchrush;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.EventStream;
import org.lunchrush.support.EventStream.Event;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 催单: a student asks the stall to hurry, at most once per order every five minutes, and
 * the stall hears it live. Refusals change nothing.
 * <p>
 * Students 40 and 60; stall 第一食堂·轻食沙拉.
 */
class UrgeIT extends IntegrationTest {

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	private JsonNode stall;

	@BeforeEach
	void pushConsumerReadsTheTopics() {
		this.stall = merchantNamed("第一食堂·轻食沙拉");
		await().atMost(PIPELINE)
			.until(() -> !this.listeners.getListenerContainer("live-push").getAssignedPartitions().isEmpty());
	}

	@Test
	void theStallHearsTheUrgeAndTheTimelineShowsIt() {
		Session student = student(40);
		try (EventStream merchant = EventStream.open(api(), merchantAccount(this.stall.path("id").asLong()))) {
			merchant.await((event) -> event.name().equals("hello"), Duration.ofSeconds(10));
			String orderId = paidOrder(student, orderBody(this.stall, firstItemId(this.stall), 1));

			Response urged = urge(student, orderId);
			assertThat(urged.status()).as(urged.raw().body()).isEqualTo(200);
			assertThat(urged.body().path("orderId").asString()).isEqualTo(orderId);
			OffsetDateTime urgedAt = OffsetDateTime.parse(urged.body().path("urgedAt").asString());
			OffsetDateTime nextUrgeAt = OffsetDateTime.parse(urged.body().path("nextUrgeAt").asString());
			assertThat(Duration.between(urgedAt, nextUrgeAt)).isEqualTo(Duration.ofMinutes(5));
			assertThat(urgedAt.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);

			JsonNode entry = urgeEntries(student, orderId).get(0);
			assertThat(entry.path("detail").asString()).contains("催单");
			Event notice = merchant.await((event) -> event.name().equals("notice") && event.orderId().equals(orderId)
					&& event.json().path("kind").asString().equals("URGED"), Duration.ofSeconds(10));
			assertThat(OffsetDateTime.parse(notice.json().path("at").asString()).toInstant())
				.isEqualTo(urgedAt.toInstant());
		}
	}

	@Test
	void urgingAgainTooSoonIsRefusedWithRetryAfterAndAddsNothing() {
		Session student = student(60);
		String orderId = paidOrder(student, orderBody(this.stall, firstItemId(this.stall), 1));
		assertThat(urge(student, orderId).status()).isEqualTo(200);

		Response again = urge(student, orderId);
		assertThat(again.status()).isEqualTo(429);
		assertThat(again.code()).isEqualTo("RATE_LIMITED");
		assertThat(again.body().path("message").asString()).isEqualTo("催单太频繁，请稍后再催");
		assertThat(again.body().path("details").path("scope").asString()).isEqualTo("urge");
		long retryAfter = again.body().path("details").path("retryAfterSeconds").asLong();
		assertThat(retryAfter).isBetween(290L, 300L);
		assertThat(again.raw().headers().firstValue("Retry-After")).hasValue(Long.toString(retryAfter));
		assertThat(urgeEntries(student, orderId)).hasSize(1);

		// Five minutes later (the last urge moved back in time) the student may urge
		// again.
		this.jdbc.sql("update ordering.orders set last_urged_at = last_urged_at - interval '5 minutes' where id = ?")
			.param(Long.parseLong(orderId))
			.update();
		assertThat(urge(student, orderId).status()).isEqualTo(200);
		assertThat(urgeEntries(student, orderId)).hasSize(2);
	}

	@Test
	void urgesAtTheSameMomentGetThroughOnce() throws Exception {
		Session student = student(40);
		String orderId = paidOrder(student, orderBody(this.stall, firstItemId(this.stall), 1));
		List<Callable<Integer>> urges = new ArrayList<>();
		for (int n = 0; n < 6; n++) {
			urges.add(() -> urge(student, orderId).status());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Future<Integer> status : threads.invokeAll(urges)) {
				statuses.add(status.get());
			}
		}
		assertThat(statuses).containsOnly(200, 429).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(urgeEntries(student, orderId)).hasSize(1);
	}

	@Test
	void anUnpaidOrderCannotBeUrged() {
		Session student = student(60);
		String orderId = placeAcceptedOrder(student, orderBody(this.stall, firstItemId(this.stall), 1));
		awaitStatus(student, orderId, "PENDING_PAYMENT");

		Response refused = urge(student, orderId);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("ORDER_STATE_CONFLICT");
		assertThat(refused.body().path("details").path("status").asString()).isEqualTo("PENDING_PAYMENT");
		assertThat(urgeEntries(student, orderId)).isEmpty();
		assertThat(count("select count(*) from ordering.orders where id = ? and last_urged_at is not null",
				Long.parseLong(orderId)))
			.isZero();
	}

	@Test
	void anotherStudentsOrderIsNotFoundAndBadIdsAreRefused() {
		Session owner = student(40);
		String orderId = paidOrder(owner, orderBody(this.stall, firstItemId(this.stall), 1));

		Response stranger = urge(student(60), orderId);
		assertThat(stranger.status()).isEqualTo(404);
		assertThat(stranger.code()).isEqualTo("ORDER_NOT_FOUND");
		Response merchant = urge(merchantAccount(this.stall.path("id").asLong()), orderId);
		assertThat(merchant.status()).isEqualTo(403);
		assertThat(merchant.code()).isEqualTo("FORBIDDEN");
		assertThat(urgeEntries(owner, orderId)).isEmpty();
		assertThat(urge(owner, orderId).status()).as("the owner may still urge").isEqualTo(200);

		for (String bad : List.of("abc", "1.5", "99999999999999999999")) {
			Response refused = api().post("/api/v1/orders/" + bad + "/urge", owner, Map.of());
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.code()).as(bad).isEqualTo("VALIDATION");
		}
		Response unknown = urge(owner, "1");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("ORDER_NOT_FOUND");
	}

	private Response urge(Session session, String orderId) {
		return api().post("/api/v1/orders/" + orderId + "/urge", session, Map.of());
	}

	private List<JsonNode> urgeEntries(Session student, String orderId) {
		List<JsonNode> entries = new ArrayList<>();
		api().get("/api/v1/orders/" + orderId + "/timeline", student).body().forEach((entry) -> {
			if (entry.path("type").asString().equals("URGED")) {
				entries.add(entry);
			}
		});
		return entries;
	}

}
