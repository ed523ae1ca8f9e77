package org.lunchrush;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peak forecast an operator (and the cluster chart's pre-scaling job) reads: orders
 * placed by students, moved to a night slot of a weekday three days and five weeks ago,
 * come out as orders per minute of that weekday and slot over the weeks asked for, and as
 * the replicas recommended for a window around it. Bad parameters are refused.
 * <p>
 * The test profile sizes a replica at one order a minute, from 1 to 4 replicas. Figures
 * are compared before and after the test's orders, so that other tests' orders do not
 * matter (none is placed at 03:05 on the campus clock). Students 196 to 198; stall
 * 第一食堂·轻食沙拉.
 */
class ForecastIT extends IntegrationTest {

	private static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");

	private static final LocalTime NIGHT = LocalTime.of(3, 7);

	@Test
	void ordersOfTheWeeksAskedForBecomeOrdersPerMinuteAndReplicas() {
		Session admin = api().login("admin");
		LocalDate recent = LocalDate.now(CAMPUS).minusDays(3);
		LocalDate older = recent.minusWeeks(5);
		DayOfWeek weekday = recent.getDayOfWeek();
		String window = "&weekday=" + weekday + "&from=03:00&until=03:30";

		long oneWeekBefore = slotOrders(forecast(admin, "weeks=1&slotMinutes=5" + window), weekday, "03:05");
		long twelveWeeksBefore = slotOrders(forecast(admin, "weeks=12&slotMinutes=5" + window), weekday, "03:05");
		long hourBefore = slotOrders(forecast(admin, "weeks=12&slotMinutes=60" + window), weekday, "03:00");
		assertThat(oneWeekBefore).as("no other test orders at 03:05").isZero();

		List<String> recentOrders = placeAndCancel(21);
		List<String> olderOrders = placeAndCancel(5);
		recentOrders.forEach((order) -> moveTo(order, recent));
		olderOrders.forEach((order) -> moveTo(order, older));

		// One week: the 21 recent orders in one five-minute slot, 4.2 a minute; at one
		// order
		// a minute per replica that is 5 replicas, kept to the maximum of 4.
		JsonNode week = forecast(admin, "weeks=1&slotMinutes=5" + window);
		assertThat(week.path("weeks").asInt()).isEqualTo(1);
		assertThat(week.path("slotMinutes").asInt()).isEqualTo(5);
		assertThat(week.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
		OffsetDateTime from = OffsetDateTime.parse(week.path("from").asString());
		OffsetDateTime until = OffsetDateTime.parse(week.path("until").asString());
		assertThat(java.time.Duration.between(from, until)).isEqualTo(java.time.Duration.ofDays(7));
		assertThat(until.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
		JsonNode slot = slot(week, weekday, "03:05");
		assertThat(slot.path("orders").asLong()).isEqualTo(oneWeekBefore + 21);
		assertThat(slot.path("ordersPerMinute").decimalValue()).isEqualByComparingTo("4.20");
		JsonNode recommended = week.path("recommendation");
		assertThat(recommended.path("weekday").asString()).isEqualTo(weekday.name());
		assertThat(recommended.path("from").asString()).isEqualTo("03:00");
		assertThat(recommended.path("until").asString()).isEqualTo("03:30");
		assertThat(recommended.path("peakSlot").asString()).isEqualTo("03:05");
		assertThat(recommended.path("peakOrdersPerMinute").decimalValue()).isEqualByComparingTo("4.20");
		assertThat(recommended.path("replicaCapacityPerMinute").asInt()).isEqualTo(1);
		assertThat(recommended.path("minReplicas").asInt()).isEqualTo(1);
		assertThat(recommended.path("maxReplicas").asInt()).isEqualTo(4);
		assertThat(recommended.path("replicas").asInt()).as("5 needed, at most 4").isEqualTo(4);

		// Fifteen-minute slots: 21 orders over 15 minutes, 1.4 a minute: 2 replicas.
		JsonNode quarter = forecast(admin, "weeks=1&slotMinutes=15" + window);
		assertThat(slot(quarter, weekday, "03:00").path("ordersPerMinute").decimalValue()).isEqualByComparingTo("1.40");
		assertThat(quarter.path("recommendation").path("replicas").asInt()).isEqualTo(2);

		// Twelve weeks hold the older orders too: 26 over 12 × 5 minutes, 0.43 a minute:
		// the
		// minimum of 1 replica.
		JsonNode twelve = forecast(admin, "weeks=12&slotMinutes=5" + window);
		assertThat(slot(twelve, weekday, "03:05").path("orders").asLong()).isEqualTo(twelveWeeksBefore + 26);
		assertThat(slot(twelve, weekday, "03:05").path("ordersPerMinute").decimalValue()).isEqualByComparingTo("0.43");
		assertThat(twelve.path("recommendation").path("replicas").asInt()).isEqualTo(1);
		assertThat(slot(forecast(admin, "weeks=12&slotMinutes=60" + window), weekday, "03:00").path("orders").asLong())
			.isEqualTo(hourBefore + 26);
		// Four weeks end before the older orders.
		assertThat(slot(forecast(admin, "weeks=4&slotMinutes=5" + window), weekday, "03:05").path("orders").asLong())
			.isEqualTo(oneWeekBefore + 21);

		// A window of another time of day, or of another weekday, finds no peak there.
		JsonNode elsewhere = forecast(admin, "weeks=1&slotMinutes=5&weekday=" + weekday + "&from=03:10&until=03:30");
		assertThat(elsewhere.path("recommendation").path("peakSlot").isNull()).isTrue();
		assertThat(elsewhere.path("recommendation").path("replicas").asInt()).isEqualTo(1);
		JsonNode otherDay = forecast(admin,
				"weeks=1&slotMinutes=5&weekday=" + weekday.plus(1) + "&from=03:00&until=03:30");
		assertThat(otherDay.path("recommendation").path("peakOrdersPerMinute").decimalValue())
			.isEqualByComparingTo("0");
	}

	@Test
	void theLunchPeakOfTodayByDefault() {
		JsonNode forecast = forecast(api().login("admin"), "");
		assertThat(forecast.path("weeks").asInt()).isEqualTo(4);
		assertThat(forecast.path("slotMinutes").asInt()).isEqualTo(15);
		JsonNode recommended = forecast.path("recommendation");
		assertThat(recommended.path("weekday").asString()).isEqualTo(LocalDate.now(CAMPUS).getDayOfWeek().name());
		assertThat(recommended.path("from").asString()).isEqualTo("11:50");
		assertThat(recommended.path("until").asString()).isEqualTo("12:30");
		assertThat(recommended.path("replicas").asInt()).isBetween(1, 4);
	}

	@Test
	void badParametersAreRefusedAndOnlyOperatorsMayAsk() {
		Session admin = api().login("admin");
		Map<String, String> refused = Map.ofEntries(Map.entry("weeks=0", "weeks"), Map.entry("weeks=13", "weeks"),
				Map.entry("weeks=-1", "weeks"), Map.entry("weeks=1.0", "weeks"), Map.entry("weeks=abc", "weeks"),
				Map.entry("weeks=04", "weeks"), Map.entry("weeks=", "weeks"), Map.entry("weeks=1&weeks=2", "weeks"),
				Map.entry("slotMinutes=7", "slotMinutes"), Map.entry("slotMinutes=0", "slotMinutes"),
				Map.entry("slotMinutes=120", "slotMinutes"), Map.entry("weekday=monday", "weekday"),
				Map.entry("weekday=8", "weekday"), Map.entry("from=24:00", "from"), Map.entry("from=9:00", "from"),
				Map.entry("from=11:50:00", "from"), Map.entry("until=12:60", "until"),
				Map.entry("from=12:00&until=12:00", "until"), Map.entry("from=12:00&until=11:00", "until"));
		refused.forEach((query, field) -> {
			Response answer = api().get("/api/v1/admin/forecast?" + query, admin);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.code()).as(query).isEqualTo("VALIDATION");
			assertThat(answer.body().path("details").path("fields").get(0).path("field").asString()).as(query)
				.isEqualTo(field);
		});
		assertThat(api().get("/api/v1/admin/forecast", student(196)).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/admin/forecast", merchantAccount(merchantNamed("第一食堂·轻食沙拉").path("id").asLong()))
			.status()).isEqualTo(403);
		assertThat(api().get("/api/v1/admin/forecast", null).status()).isEqualTo(401);
	}

	private JsonNode forecast(Session admin, String query) {
		Response answer = api().get("/api/v1/admin/forecast?" + query, admin);
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
		return answer.body();
	}

	private static long slotOrders(JsonNode forecast, DayOfWeek weekday, String start) {
		for (JsonNode slot : forecast.path("slots")) {
			if (slot.path("weekday").asString().equals(weekday.name()) && slot.path("start").asString().equals(start)) {
				return slot.path("orders").asLong();
			}
		}
		return 0;
	}

	private static JsonNode slot(JsonNode forecast, DayOfWeek weekday, String start) {
		for (JsonNode slot : forecast.path("slots")) {
			if (slot.path("weekday").asString().equals(weekday.name()) && slot.path("start").asString().equals(start)) {
				return slot;
			}
		}
		throw new AssertionError("no slot " + weekday + " " + start + " in " + forecast.path("slots"));
	}

	/**
	 * Orders placed by three students and given up before they are paid, so that no
	 * payment deadline fires after they are moved.
	 */
	private List<String> placeAndCancel(int count) {
		JsonNode stall = merchantNamed("第一食堂·轻食沙拉");
		long item = firstItemId(stall);
		List<Session> students = List.of(student(196), student(197), student(198));
		List<String> orders = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			Session student = students.get(n % students.size());
			String order = placeAcceptedOrder(student, orderBody(stall, item, 1));
			awaitStatus(student, order, "PENDING_PAYMENT");
			assertThat(api().post("/api/v1/orders/" + order + "/cancel", student, Map.of()).status()).isEqualTo(200);
			awaitStatus(student, order, "CANCELLED");
			orders.add(order);
		}
		return orders;
	}

	private void moveTo(String orderId, LocalDate day) {
		int moved = this.jdbc.sql("update ordering.orders set stock_day = ?, placed_at = ? where id = ?")
			.param(day)
			.param(Timestamp.from(day.atTime(NIGHT).atZone(CAMPUS).toInstant()))
			.param(Long.parseLong(orderId))
			.update();
		assertThat(moved).isEqualTo(1);
	}

}
