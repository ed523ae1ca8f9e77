package org.lunchrush;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.lunchrush.ordering.OrderStatusChanged;
import org.lunchrush.ordering.OrderingTopics;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery through HTTP: a ready order is dispatched to a rider on shift, who sees it on
 * the route, picks it up and hands it over; nobody else can take it; a cancellation takes
 * it off the route; a rider going off shift gives it back to dispatch.
 * <p>
 * Riders 21 to 30 go on shift at the stall's canteen for each test and off after it.
 * Tasks of other tests' accepted orders may be dispatched to them too, so a test finds
 * which rider holds its order rather than assuming one. Students 84 to 86, 17, 18 and 19;
 * stall 第二食堂·潮汕牛肉粉, item 牛肉丸汤.
 */
class DeliveryIT extends IntegrationTest {

	private final List<Session> riders = new ArrayList<>();

	@Autowired
	private KafkaTemplate<String, byte[]> kafka;

	@Autowired
	private KafkaAdmin kafkaAdmin;

	private JsonNode merchant;

	private Session merchantAccount;

	private long itemId;

	@BeforeEach
	void ridersOnShift() {
		this.merchant = merchantNamed("第二食堂·潮汕牛肉粉");
		this.merchantAccount = merchantAccount(this.merchant.path("id").asLong());
		this.itemId = menuItemId(this.merchant.path("id").asLong(), "牛肉丸汤");
		for (int n = 21; n <= 30; n++) {
			Session rider = api().login("rider" + n);
			Response shift = api().post("/api/v1/rider/shift", rider,
					Map.of("onShift", true, "buildingId", this.merchant.path("buildingId").asLong()));
			assertThat(shift.status()).as(shift.raw().body()).isEqualTo(200);
			assertThat(shift.body().path("onShift").asBoolean()).isTrue();
			assertThat(shift.body().path("capacity").asInt()).isEqualTo(8);
			this.riders.add(rider);
		}
	}

	@AfterEach
	void ridersOffShift() {
		for (Session rider : this.riders) {
			api().post("/api/v1/rider/shift", rider, Map.of("onShift", false));
		}
	}

	@Test
	void aReadyOrderIsDispatchedPickedUpAndDeliveredByTheRiderWhoHoldsItOnly() {
		Session student = student(84);
		String orderId = readyOrder(student);

		Session holder = awaitHolder(orderId, Optional.empty());
		List<JsonNode> stops = stopsOf(holder, orderId);
		assertThat(stops).extracting((stop) -> stop.path("kind").asString()).containsExactly("PICKUP", "DROPOFF");
		assertThat(stops.get(0).path("buildingId").asLong()).isEqualTo(this.merchant.path("buildingId").asLong());
		assertThat(stops.get(1).path("buildingId").asLong())
			.isEqualTo(api().get("/api/v1/orders/" + orderId, student).body().path("deliveryBuildingId").asLong());
		assertThat(OffsetDateTime.parse(stops.get(1).path("eta").asString()))
			.isAfter(OffsetDateTime.parse(stops.get(0).path("eta").asString()));
		await().atMost(PIPELINE).untilAsserted(() -> assertThat(timelineTypes(student, orderId)).contains("ETA"));
		// the student sees the promise (expected ready time plus 30 min) and the estimate
		JsonNode order = api().get("/api/v1/orders/" + orderId, student).body();
		OffsetDateTime placedAt = OffsetDateTime.parse(order.path("placedAt").asString());
		assertThat(OffsetDateTime.parse(order.path("promisedBy").asString())).isAfter(placedAt.plusMinutes(30));
		assertThat(OffsetDateTime.parse(order.path("eta").asString())).isAfter(placedAt);
		assertThat(timelineTypes(student, orderId)).containsSubsequence("ACCEPTED", "PROMISED");

		Session other = this.riders.stream().filter((rider) -> rider != holder).findFirst().orElseThrow();
		Response taken = api().post("/api/v1/rider/tasks/" + orderId + "/pickup", other, Map.of());
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.code()).isEqualTo("TASK_TAKEN");
		Response notYet = api().post("/api/v1/rider/tasks/" + orderId + "/deliver", holder, Map.of());
		assertThat(notYet.status()).isEqualTo(409);
		assertThat(notYet.code()).isEqualTo("ORDER_STATE_CONFLICT");

		Response pickedUp = api().post("/api/v1/rider/tasks/" + orderId + "/pickup", holder, Map.of());
		assertThat(pickedUp.status()).as(pickedUp.raw().body()).isEqualTo(200);
		assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("status").asString())
			.isEqualTo("PICKED_UP");
		assertThat(stopsOf(holder, orderId)).extracting((stop) -> stop.path("kind").asString())
			.containsExactly("DROPOFF");
		assertThat(api().post("/api/v1/rider/tasks/" + orderId + "/pickup", holder, Map.of()).status())
			.as("picked up once")
			.isEqualTo(409);

		Response delivered = api().post("/api/v1/rider/tasks/" + orderId + "/deliver", holder, Map.of());
		assertThat(delivered.status()).as(delivered.raw().body()).isEqualTo(200);
		assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("status").asString())
			.isEqualTo("DELIVERED");
		assertThat(stopsOf(holder, orderId)).isEmpty();
		assertThat(timelineTypes(student, orderId)).containsSubsequence("READY", "PICKED_UP", "DELIVERED");
		assertInvariantsHold();
	}

	/**
	 * An acceptance delivered again (a rebalance, a restart before the offset was
	 * committed) keeps the one task, its route and the first promise; this copy even says
	 * the order was accepted ten minutes later.
	 */
	@Test
	void aRedeliveredAcceptanceKeepsTheTaskAndTheFirstPromise() throws Exception {
		Session student = student(19);
		String orderId = readyOrder(student);
		Session holder = awaitHolder(orderId, Optional.empty());
		await().atMost(PIPELINE).untilAsserted(() -> assertThat(timelineTypes(student, orderId)).contains("PROMISED"));
		JsonNode order = api().get("/api/v1/orders/" + orderId, student).body();
		String promisedBy = order.path("promisedBy").asString();

		OrderStatusChanged again = OrderStatusChanged.of(Long.parseLong(orderId), student.userId(),
				order.path("merchantId").asLong(), order.path("deliveryBuildingId").asLong(), "PAID", "ACCEPTED",
				Instant.now().plus(Duration.ofMinutes(10)), "redelivered");
		RecordMetadata sent = this.kafka.send(OrderingTopics.ORDER_EVENTS, orderId, Api.json().writeValueAsBytes(again))
			.get(10, TimeUnit.SECONDS)
			.getRecordMetadata();
		awaitConsumedBy("delivery-tasks", sent);

		assertThat(api().get("/api/v1/orders/" + orderId, student).body().path("promisedBy").asString())
			.isEqualTo(promisedBy);
		assertThat(timelineTypes(student, orderId).stream().filter("PROMISED"::equals)).hasSize(1);
		assertThat(stopsOf(holder, orderId)).extracting((stop) -> stop.path("kind").asString())
			.containsExactly("PICKUP", "DROPOFF");
		assertThat(this.riders.stream().filter((rider) -> !stopsOf(rider, orderId).isEmpty())).containsExactly(holder);
		assertInvariantsHold();
	}

	@Test
	void aCancelledOrderLeavesTheRouteAtOnce() {
		Session student = student(85);
		String orderId = paidOrder(student, orderBody(this.merchant, this.itemId, 1));
		merchantMoves(orderId, "accept");
		// Not ready yet, but due within the lookahead: dispatched ahead of time.
		Session holder = awaitHolder(orderId, Optional.empty());

		assertThat(api().post("/api/v1/orders/" + orderId + "/cancel", student, Map.of()).status()).isEqualTo(200);
		merchantMoves(orderId, "cancellation/approve");

		await().atMost(PIPELINE).untilAsserted(() -> assertThat(stopsOf(holder, orderId)).isEmpty());
		Response gone = api().post("/api/v1/rider/tasks/" + orderId + "/pickup", holder, Map.of());
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.code()).isEqualTo("ORDER_NOT_FOUND");
		awaitStatus(student, orderId, "REFUNDED");
		assertInvariantsHold();
	}

	@Test
	void aRiderGoingOffShiftGivesTheOrdersNotPickedUpBackToDispatch() {
		Session student = student(86);
		String orderId = readyOrder(student);
		Session first = awaitHolder(orderId, Optional.empty());

		Response off = api().post("/api/v1/rider/shift", first, Map.of("onShift", false));
		assertThat(off.status()).isEqualTo(200);
		assertThat(off.body().path("onShift").asBoolean()).isFalse();
		assertThat(stopsOf(first, orderId)).isEmpty();

		Session second = awaitHolder(orderId, Optional.of(first));
		assertThat(second).isNotSameAs(first);
		assertThat(api().post("/api/v1/rider/tasks/" + orderId + "/pickup", second, Map.of()).status()).isEqualTo(200);
		assertThat(api().post("/api/v1/rider/tasks/" + orderId + "/deliver", second, Map.of()).status()).isEqualTo(200);
		awaitStatus(student, orderId, "DELIVERED");
		assertInvariantsHold();
	}

	/**
	 * Two orders from one stall to one building ride together: the routing strategy gives
	 * the second to the rider already collecting the first (the stop overhead is paid
	 * once per building), both pickups before both hand-overs.
	 * <p>
	 * They go to the stall's last delivery building, which no other test orders to: other
	 * test classes leave ready orders from this canteen to the first building waiting for
	 * a rider, and a rider collecting those would suit the second order as well as the
	 * first's holder does.
	 */
	@Test
	void ordersFromOneStallToOneBuildingRideTogether() {
		JsonNode buildings = this.merchant.path("deliveryBuildingIds");
		long building = buildings.get(buildings.size() - 1).asLong();
		assertThat(building).isNotEqualTo(firstDeliveryBuilding(this.merchant));
		String first = readyOrder(student(17), building);
		Session holder = awaitHolder(first, Optional.empty());
		String second = readyOrder(student(18), building);

		await().atMost(PIPELINE)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(stopsOf(holder, second)).hasSize(2));
		List<String> route = new ArrayList<>();
		api().get("/api/v1/rider/tasks", holder).body().forEach((stop) -> {
			String orderId = stop.path("orderId").asString();
			if (orderId.equals(first) || orderId.equals(second)) {
				route.add(stop.path("kind").asString());
			}
		});
		assertThat(route).containsExactly("PICKUP", "PICKUP", "DROPOFF", "DROPOFF");
		for (String orderId : List.of(first, second)) {
			assertThat(api().post("/api/v1/rider/tasks/" + orderId + "/pickup", holder, Map.of()).status())
				.isEqualTo(200);
		}
		for (String orderId : List.of(first, second)) {
			assertThat(api().post("/api/v1/rider/tasks/" + orderId + "/deliver", holder, Map.of()).status())
				.isEqualTo(200);
		}
		assertInvariantsHold();
	}

	@Test
	void onlyRidersUseRiderRoutesAndAShiftStartsAtAKnownBuilding() {
		assertThat(api().get("/api/v1/rider/tasks", student(84)).status()).isEqualTo(403);
		assertThat(api().post("/api/v1/rider/shift", this.merchantAccount, Map.of("onShift", true)).status())
			.isEqualTo(403);
		Response nowhere = api().post("/api/v1/rider/shift", this.riders.get(0),
				Map.of("onShift", true, "buildingId", 987654321L));
		assertThat(nowhere.status()).isEqualTo(400);
		assertThat(nowhere.code()).isEqualTo("VALIDATION");
		Response unsaid = api().post("/api/v1/rider/shift", this.riders.get(0), Map.of());
		assertThat(unsaid.status()).isEqualTo(400);
	}

	private String readyOrder(Session student) {
		return readyOrder(student, firstDeliveryBuilding(this.merchant));
	}

	private String readyOrder(Session student, long deliveryBuildingId) {
		String orderId = paidOrder(student, orderBody(this.merchant, this.itemId, 1, deliveryBuildingId));
		merchantMoves(orderId, "accept");
		merchantMoves(orderId, "ready");
		return orderId;
	}

	private void merchantMoves(String orderId, String move) {
		Response moved = api().post("/api/v1/merchant/orders/" + orderId + "/" + move, this.merchantAccount, Map.of());
		assertThat(moved.status()).as(moved.raw().body()).isEqualTo(200);
	}

	/**
	 * Waits for a dispatch round to give the order to one of the test's riders (other
	 * than {@code not}).
	 */
	private Session awaitHolder(String orderId, Optional<Session> not) {
		Session[] holder = new Session[1];
		await().atMost(PIPELINE).pollInterval(Duration.ofMillis(200)).until(() -> {
			for (Session rider : this.riders) {
				if (not.filter((excluded) -> excluded == rider).isEmpty() && !stopsOf(rider, orderId).isEmpty()) {
					holder[0] = rider;
					return true;
				}
			}
			return false;
		});
		return holder[0];
	}

	/** Waits until the consumer group has committed past the record. */
	private void awaitConsumedBy(String group, RecordMetadata record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			await().atMost(PIPELINE).pollInterval(Duration.ofMillis(200)).until(() -> {
				var committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(5, TimeUnit.SECONDS)
					.get(partition);
				return committed != null && committed.offset() > record.offset();
			});
		}
	}

	private List<JsonNode> stopsOf(Session rider, String orderId) {
		Response tasks = api().get("/api/v1/rider/tasks", rider);
		assertThat(tasks.status()).as(tasks.raw().body()).isEqualTo(200);
		List<JsonNode> stops = new ArrayList<>();
		tasks.body().forEach((stop) -> {
			if (stop.path("orderId").asString().equals(orderId)) {
				stops.add(stop);
			}
		});
		return stops;
	}

}
