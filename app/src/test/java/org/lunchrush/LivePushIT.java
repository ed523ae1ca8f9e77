package org.lunchrush;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
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
 * The live push channel as the web faces use it: {@code GET /api/v1/events} with the
 * bearer token, read as it streams. Each account hears what concerns it and nothing else.
 * <p>
 * Students 20, 24 and 30; stalls 第二食堂·重庆小面 (its orders) and 第一食堂·轻食沙拉 (the other stall);
 * riders 11 to 20, on shift for the route test only.
 */
class LivePushIT extends IntegrationTest {

	private static final Duration SOON = Duration.ofSeconds(10);

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private MeterRegistry meters;

	private JsonNode stall;

	private JsonNode otherStall;

	@BeforeEach
	void pushConsumerReadsTheTopics() {
		this.stall = merchantNamed("第二食堂·重庆小面");
		this.otherStall = merchantNamed("第一食堂·轻食沙拉");
		// It starts at the end of the topics: events before its partitions are
		// assigned are not for this test.
		await().atMost(PIPELINE)
			.until(() -> !this.listeners.getListenerContainer("live-push").getAssignedPartitions().isEmpty());
	}

	@Test
	void refusesAStreamWithoutATokenAndToOperators() {
		Response anonymous = api().get("/api/v1/events", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(anonymous.body().path("message").asString()).isNotBlank();

		Response admin = api().get("/api/v1/events", api().login("admin"));
		assertThat(admin.status()).isEqualTo(403);
		assertThat(admin.code()).isEqualTo("FORBIDDEN");
	}

	@Test
	void aStudentAndItsStallHearTheOrderPaidAndNobodyElseDoes() {
		Session student = student(20);
		Session otherStudent = student(24);
		try (EventStream own = EventStream.open(api(), student);
				EventStream other = EventStream.open(api(), otherStudent);
				EventStream merchant = EventStream.open(api(), merchantAccount(this.stall.path("id").asLong()));
				EventStream otherMerchant = EventStream.open(api(),
						merchantAccount(this.otherStall.path("id").asLong()))) {
			assertThat(own.status()).isEqualTo(200);
			assertThat(own.header("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			Event hello = own.await((event) -> true, SOON);
			assertThat(hello.name()).isEqualTo("hello");
			assertThat(hello.json().path("role").asString()).isEqualTo("STUDENT");
			assertThat(hello.json().path("accountId").asLong()).isEqualTo(student.userId());
			Event merchantHello = merchant.await((event) -> true, SOON);
			assertThat(merchantHello.name()).isEqualTo("hello");
			assertThat(merchantHello.json().path("role").asString()).isEqualTo("MERCHANT");

			String orderId = placeAcceptedOrder(student, orderBody(this.stall, firstItemId(this.stall), 1));
			awaitStatus(student, orderId, "PENDING_PAYMENT");
			String paymentId = requestPayment(student, orderId);
			long confirmedAt = System.nanoTime();
			assertThat(api().post("/sandbox-pay/" + paymentId + "/confirm", null, Map.of()).status()).isEqualTo(200);

			Event paid = own.await((event) -> event.name().equals("order") && event.orderId().equals(orderId)
					&& event.json().path("status").asString().equals("PAID"), SOON);
			long millis = Duration.ofNanos(System.nanoTime() - confirmedAt).toMillis();
			System.out.println("LivePushIT: PAID pushed to the student " + millis
					+ " ms after the payment was confirmed at the provider");
			assertThat(millis).as("PAID pushed within 2 s of the payment").isLessThan(2000);
			assertThat(paid.json().path("from").asString()).isEqualTo("PENDING_PAYMENT");
			assertThat(OffsetDateTime.parse(paid.json().path("at").asString()).getOffset().getTotalSeconds())
				.isEqualTo(8 * 3600);
			assertThat(paid.id()).isNotBlank();
			assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("status").asString())
				.as("the API agrees with the push")
				.isEqualTo("PAID");

			merchant.await((event) -> event.name().equals("order") && event.orderId().equals(orderId)
					&& event.json().path("status").asString().equals("PAID"), SOON);
			// The same record fed every stream of this process: whatever the others
			// were going to hear of it, they heard by now.
			assertThat(other.events()).extracting(Event::name).containsExactly("hello");
			assertThat(otherMerchant.events())
				.noneMatch((event) -> orderId.equals(event.json().path("orderId").asString()));
		}
	}

	@Test
	void theStallHearsTheStudentAskToCancelAndTheStudentHearsThePromise() {
		Session student = student(30);
		Session merchantAccount = merchantAccount(this.stall.path("id").asLong());
		try (EventStream own = EventStream.open(api(), student);
				EventStream merchant = EventStream.open(api(), merchantAccount)) {
			own.await((event) -> event.name().equals("hello"), SOON);
			merchant.await((event) -> event.name().equals("hello"), SOON);
			String orderId = paidOrder(student, orderBody(this.stall, firstItemId(this.stall), 1));
			Response accepted = api().post("/api/v1/merchant/orders/" + orderId + "/accept", merchantAccount, Map.of());
			assertThat(accepted.status()).as(accepted.raw().body()).isEqualTo(200);
			own.await((event) -> event.name().equals("order") && event.orderId().equals(orderId)
					&& event.json().path("status").asString().equals("ACCEPTED"), SOON);
			own.await(notice("PROMISED", orderId), PIPELINE);

			Response asked = api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of());
			assertThat(asked.status()).as(asked.raw().body()).isEqualTo(200);
			assertThat(asked.body().path("cancellationRequested").asBoolean()).isTrue();
			Event request = merchant.await(notice("CANCELLATION_REQUESTED", orderId), SOON);
			assertThat(OffsetDateTime.parse(request.json().path("at").asString())).isNotNull();
			own.await(notice("CANCELLATION_REQUESTED", orderId), SOON);

			Response declined = api().post("/api/v1/merchant/orders/" + orderId + "/cancellation/decline",
					merchantAccount, Map.of("reason", "已经在做了"));
			assertThat(declined.status()).as(declined.raw().body()).isEqualTo(200);
			own.await(notice("CANCELLATION_DECLINED", orderId), SOON);
			assertThat(merchant.about(orderId, "notice"))
				.noneMatch((event) -> event.json().path("kind").asString().equals("PROMISED"));
		}
	}

	@Test
	void aRiderHearsItsRouteChangeWhenARoundGivesItTheOrderAndWhenTheOrderIsCancelled() {
		List<Session> riders = new ArrayList<>();
		List<EventStream> streams = new ArrayList<>();
		try {
			for (int n = 11; n <= 20; n++) {
				Session rider = api().login("rider" + n);
				EventStream stream = EventStream.open(api(), rider);
				stream.await((event) -> event.name().equals("hello"), SOON);
				assertThat(stream.events().get(0).json().path("role").asString()).isEqualTo("RIDER");
				streams.add(stream);
				Response shift = api().post("/api/v1/rider/shift", rider,
						Map.of("onShift", true, "buildingId", this.stall.path("buildingId").asLong()));
				assertThat(shift.status()).as(shift.raw().body()).isEqualTo(200);
				riders.add(rider);
			}
			Session student = student(20);
			Session merchantAccount = merchantAccount(this.stall.path("id").asLong());
			String orderId = paidOrder(student, orderBody(this.stall, firstItemId(this.stall), 1));
			assertThat(api().post("/api/v1/merchant/orders/" + orderId + "/accept", merchantAccount, Map.of()).status())
				.isEqualTo(200);
			assertThat(api().post("/api/v1/merchant/orders/" + orderId + "/ready", merchantAccount, Map.of()).status())
				.isEqualTo(200);

			await().atMost(PIPELINE)
				.until(() -> streams.stream().anyMatch((stream) -> !routeChanges(stream, orderId).isEmpty()));
			int holder = indexOfHolder(streams, orderId);
			Event assigned = routeChanges(streams.get(holder), orderId).get(0);
			assertThat(assigned.json().path("reason").asString()).isEqualTo("ASSIGNED");
			assertThat(api().get("/api/v1/rider/tasks", riders.get(holder)).body().findValuesAsString("orderId"))
				.as("the route the API shows has the order")
				.contains(orderId);
			for (int i = 0; i < streams.size(); i++) {
				if (i != holder) {
					assertThat(routeChanges(streams.get(i), orderId)).as("rider %d", 11 + i).isEmpty();
				}
			}

			assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).status()).isEqualTo(200);
			assertThat(api()
				.post("/api/v1/merchant/orders/" + orderId + "/cancellation/approve", merchantAccount, Map.of())
				.status()).isEqualTo(200);
			EventStream holderStream = streams.get(holder);
			await().atMost(SOON).until(() -> routeChanges(holderStream, orderId).size() == 2);
			assertThat(routeChanges(holderStream, orderId).get(1).json().path("reason").asString())
				.isEqualTo("CANCELLED");
			assertThat(api().get("/api/v1/rider/tasks", riders.get(holder)).body().findValuesAsString("orderId"))
				.doesNotContain(orderId);
		}
		finally {
			streams.forEach(EventStream::close);
			for (Session rider : riders) {
				api().post("/api/v1/rider/shift", rider, Map.of("onShift", false));
			}
		}
	}

	@Test
	void aSixthStreamClosesTheOldestAndOpenStreamsGetHeartbeats() {
		Session student = student(24);
		double helloBefore = sent("hello");
		double openBefore = connections();
		List<EventStream> streams = new ArrayList<>();
		try {
			for (int n = 0; n < 6; n++) {
				EventStream stream = EventStream.open(api(), student);
				stream.await((event) -> event.name().equals("hello"), SOON);
				streams.add(stream);
			}
			await().atMost(SOON).until(() -> streams.get(0).ended());
			assertThat(streams.subList(1, 6)).noneMatch(EventStream::ended);
			assertThat(connections()).isGreaterThanOrEqualTo(5);
			assertThat(sent("hello") - helloBefore).isGreaterThanOrEqualTo(6);
			// The tests beat every second (lunchrush.push.heartbeat), the platform every
			// 15 s.
			await().atMost(SOON).until(() -> streams.get(5).comments() >= 1);
			assertThat(streams.subList(1, 6)).noneMatch(EventStream::ended);
		}
		finally {
			streams.forEach(EventStream::close);
		}
		// The platform finds the closed connections at the next heartbeat and forgets
		// them.
		await().atMost(SOON).until(() -> connections() <= openBefore);
	}

	private double connections() {
		return this.meters.get("lunchrush.push.connections").gauge().value();
	}

	private double sent(String event) {
		var counter = this.meters.find("lunchrush.push.sent").tag("event", event).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static java.util.function.Predicate<Event> notice(String kind, String orderId) {
		return (event) -> event.name().equals("notice") && event.orderId().equals(orderId)
				&& event.json().path("kind").asString().equals(kind);
	}

	private static List<Event> routeChanges(EventStream stream, String orderId) {
		return stream.about(orderId, "notice")
			.stream()
			.filter((event) -> event.json().path("kind").asString().equals("ROUTE_CHANGED"))
			.toList();
	}

	private static int indexOfHolder(List<EventStream> streams, String orderId) {
		for (int i = 0; i < streams.size(); i++) {
			if (!routeChanges(streams.get(i), orderId).isEmpty()) {
				return i;
			}
		}
		throw new IllegalStateException("No rider was told of order " + orderId);
	}

}
