package org.lunchrush;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rider's day as the rider app shows it ({@code GET /api/v1/rider/today}): the orders
 * picked up and handed over today, and the distance ridden along the route actually done,
 * building to building, 1.3 times the straight line; and the shift as last set
 * ({@code GET /api/v1/rider/shift}).
 * <p>
 * Riders 5 (rides) and 6 (never goes on shift); students 185 and 186; stall 第一食堂·广式烧腊,
 * item 白灼菜心, which no other test orders.
 */
class RiderTodayIT extends IntegrationTest {

	private static final double PATH_FACTOR = 1.3;

	private final Map<Long, double[]> buildings = new HashMap<>();

	private JsonNode merchant;

	private Session merchantAccount;

	private long itemId;

	private Session rider;

	@BeforeEach
	void stallAndCampus() {
		this.merchant = merchantNamed("第一食堂·广式烧腊");
		this.merchantAccount = merchantAccount(this.merchant.path("id").asLong());
		this.itemId = menuItemId(this.merchant.path("id").asLong(), "白灼菜心");
		this.rider = api().login("rider3");
		for (JsonNode building : api().get("/api/v1/campus", this.rider).body().path("buildings")) {
			this.buildings.put(building.path("id").asLong(),
					new double[] { building.path("xMetres").asDouble(), building.path("yMetres").asDouble() });
		}
	}

	@AfterEach
	void offShift() {
		api().post("/api/v1/rider/shift", this.rider, Map.of("onShift", false));
	}

	@Test
	void theDayCountsTheOrdersAndTheDistanceAlongTheRouteRidden() {
		Response before = api().get("/api/v1/rider/today", this.rider);
		assertThat(before.status()).as(before.raw().body()).isEqualTo(200);
		assertThat(before.body().path("riderId").asLong()).isEqualTo(this.rider.userId());
		assertThat(before.body().path("day").asString())
			.isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		assertThat(before.body().path("deliveredOrders").asInt()).isZero();
		assertThat(before.body().path("pickedUpOrders").asInt()).isZero();
		assertThat(before.body().path("distanceMetres").asLong()).isZero();
		assertThat(before.body().path("onShift").asBoolean()).isFalse();

		long start = buildingNamed("梅园1栋");
		long stall = this.merchant.path("buildingId").asLong();
		assertThat(this.merchant.path("deliveryBuildingIds").size()).isGreaterThanOrEqualTo(2);
		long first = this.merchant.path("deliveryBuildingIds").get(0).asLong();
		long second = this.merchant.path("deliveryBuildingIds").get(1).asLong();
		Response shift = api().post("/api/v1/rider/shift", this.rider, Map.of("onShift", true, "buildingId", start));
		assertThat(shift.status()).as(shift.raw().body()).isEqualTo(200);
		assertThat(api().get("/api/v1/rider/shift", this.rider).body()).isEqualTo(shift.body());

		String toFirst = readyOrder(student(185), first);
		String toSecond = readyOrder(student(186), second);
		pickUp(toFirst);
		pickUp(toSecond);
		JsonNode carrying = today();
		assertThat(carrying.path("pickedUpOrders").asInt()).isEqualTo(2);
		assertThat(carrying.path("deliveredOrders").asInt()).isZero();
		assertThat(carrying.path("onShift").asBoolean()).isTrue();
		double toStall = metres(start, stall) + metres(stall, stall);
		assertThat(carrying.path("distanceMetres").asLong()).isEqualTo(Math.round(toStall));

		deliver(toFirst);
		deliver(toSecond);
		JsonNode done = today();
		assertThat(done.path("pickedUpOrders").asInt()).isEqualTo(2);
		assertThat(done.path("deliveredOrders").asInt()).isEqualTo(2);
		double ridden = toStall + metres(stall, first) + metres(first, second);
		assertThat(done.path("distanceMetres").asLong()).as("shift start → stall → first dorm → second dorm")
			.isEqualTo(Math.round(ridden))
			.isGreaterThan(0);

		// A new shift elsewhere starts from its building: the way there was not ridden on
		// the platform's errands.
		api().post("/api/v1/rider/shift", this.rider, Map.of("onShift", false));
		JsonNode off = today();
		assertThat(off.path("onShift").asBoolean()).isFalse();
		assertThat(off.path("distanceMetres").asLong()).isEqualTo(Math.round(ridden));
		JsonNode offShift = api().get("/api/v1/rider/shift", this.rider).body();
		assertThat(offShift.path("onShift").asBoolean()).isFalse();
		assertThat(offShift.path("buildingId").asLong()).as("where the rider last was").isEqualTo(second);
		Response again = api().post("/api/v1/rider/shift", this.rider, Map.of("onShift", true, "buildingId", start));
		assertThat(api().get("/api/v1/rider/shift", this.rider).body()).isEqualTo(again.body());
		assertThat(today().path("distanceMetres").asLong()).isEqualTo(Math.round(ridden));
	}

	@Test
	void aRiderWhoNeverWentOnShiftIsOffShiftNowhereWithAnEmptyDay() {
		Session newcomer = api().login("rider10");
		Response shift = api().get("/api/v1/rider/shift", newcomer);
		assertThat(shift.status()).as(shift.raw().body()).isEqualTo(200);
		assertThat(shift.body().path("riderId").asLong()).isEqualTo(newcomer.userId());
		assertThat(shift.body().path("onShift").asBoolean()).isFalse();
		assertThat(shift.body().has("buildingId")).isTrue();
		assertThat(shift.body().path("buildingId").isNull()).isTrue();
		assertThat(shift.body().path("capacity").asInt()).isEqualTo(8);
		JsonNode day = api().get("/api/v1/rider/today", newcomer).body();
		assertThat(day.path("deliveredOrders").asInt()).isZero();
		assertThat(day.path("distanceMetres").asLong()).isZero();
	}

	@Test
	void onlyARiderHasADay() {
		Response student = api().get("/api/v1/rider/today", student(185));
		assertThat(student.status()).isEqualTo(403);
		assertThat(student.code()).isEqualTo("FORBIDDEN");
		assertThat(api().get("/api/v1/rider/shift", this.merchantAccount).code()).isEqualTo("FORBIDDEN");
		assertThat(api().get("/api/v1/rider/today", null).code()).isEqualTo("UNAUTHENTICATED");
	}

	private JsonNode today() {
		Response today = api().get("/api/v1/rider/today", this.rider);
		assertThat(today.status()).as(today.raw().body()).isEqualTo(200);
		return today.body();
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
	 * Picks up as soon as delivery has the task (it learns of the accepted order from the
	 * order stream).
	 */
	private void pickUp(String orderId) {
		await().atMost(PIPELINE).untilAsserted(() -> {
			Response pickedUp = api().post("/api/v1/rider/tasks/" + orderId + "/pickup", this.rider, Map.of());
			assertThat(pickedUp.status()).as(pickedUp.raw().body()).isEqualTo(200);
		});
	}

	private void deliver(String orderId) {
		Response delivered = api().post("/api/v1/rider/tasks/" + orderId + "/deliver", this.rider, Map.of());
		assertThat(delivered.status()).as(delivered.raw().body()).isEqualTo(200);
	}

	private long buildingNamed(String name) {
		for (JsonNode building : api().get("/api/v1/campus", this.rider).body().path("buildings")) {
			if (building.path("name").asString().equals(name)) {
				return building.path("id").asLong();
			}
		}
		throw new IllegalArgumentException("No building " + name);
	}

	private double metres(long from, long to) {
		if (from == to) {
			return 0;
		}
		double[] a = this.buildings.get(from);
		double[] b = this.buildings.get(to);
		return Math.hypot(a[0] - b[0], a[1] - b[1]) * PATH_FACTOR;
	}

}
