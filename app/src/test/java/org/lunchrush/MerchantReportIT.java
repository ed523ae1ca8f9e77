package org.lunchrush;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.Couriers;
import org.lunchrush.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stall's report and its Excel export: orders placed, paid, delivered and refunded at
 * one stall give the expected days, best sellers, lunch slots, ratings and settlement;
 * another stall's orders never appear; bad dates are refused.
 * <p>
 * The test's orders are moved to a campus day a month ago, at chosen times of day, so the
 * report of that day holds them alone (the orders' money stays in the payment ledger by
 * order id, as the settlement reads it). Students 145 to 149; stalls 南门·一点点奶茶 and
 * 第一食堂·麻辣香锅 (the other stall); riders 8 and 9.
 */
class MerchantReportIT extends IntegrationTest {

	private static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Test
	void ordersOfOneStallMakeItsReportAndItsWorkbook() throws Exception {
		JsonNode stall = merchantNamed("南门·一点点奶茶");
		long stallId = stall.path("id").asLong();
		Session stallAccount = merchantAccount(stallId);
		JsonNode other = merchantNamed("第一食堂·麻辣香锅");
		List<JsonNode> menu = menu(stallId);
		JsonNode first = menu.get(0);
		JsonNode second = menu.get(1);
		long firstId = first.path("itemId").asLong();
		long secondId = second.path("itemId").asLong();

		// A: delivered, two of the first item, rated 4 stars.
		Session studentA = student(145);
		String delivered = paidOrder(studentA, orderBody(stall, firstId, 2));
		for (String move : List.of("accept", "ready")) {
			assertThat(api().post("/api/v1/merchant/orders/" + delivered + "/" + move, stallAccount, Map.of()).status())
				.isEqualTo(200);
		}
		try (Couriers couriers = new Couriers(api(), List.of("rider8", "rider9"), stall.path("buildingId").asLong())) {
			couriers.deliver(delivered);
		}
		awaitStatus(studentA, delivered, "DELIVERED");
		assertThat(api().send("POST", "/api/v1/orders/" + delivered + "/rating", studentA, "{\"stars\":4}").status())
			.isEqualTo(201);
		// B: paid (still to be delivered), one of the second item, with a coupon of one
		// yuan off.
		Session studentB = student(146);
		assertThat(second.path("priceCents").asInt()).isGreaterThan(101);
		String couponId = claimCoupon(studentB, 100, 101);
		String paid = paidOrder(studentB, withCoupon(orderBody(stall, secondId, 1), couponId));
		// C: paid, then cancelled by the student and refunded.
		Session studentC = student(147);
		String refunded = paidOrder(studentC, orderBody(stall, firstId, 1));
		assertThat(api().post("/api/v1/orders/" + refunded + "/cancel", studentC, Map.of()).status()).isEqualTo(200);
		awaitStatus(studentC, refunded, "REFUNDED");
		// D: placed, never paid, given up by the student (so that no payment deadline
		// fires after it was moved).
		Session studentD = student(148);
		String unpaid = placeAcceptedOrder(studentD, orderBody(stall, secondId, 1));
		awaitStatus(studentD, unpaid, "PENDING_PAYMENT");
		assertThat(api().post("/api/v1/orders/" + unpaid + "/cancel", studentD, Map.of()).status()).isEqualTo(200);
		awaitStatus(studentD, unpaid, "CANCELLED");
		// E: another stall's order, the same day.
		Session studentE = student(149);
		long otherItem = firstItemId(other);
		String elsewhere = paidOrder(studentE, orderBody(other, otherItem, 1));

		int totalA = total(studentA, delivered);
		int totalB = total(studentB, paid);
		int totalC = total(studentC, refunded);
		assertThat(api().get("/api/v1/orders/" + paid, studentB).body().path("discountCents").asInt()).isEqualTo(100);

		LocalDate day = LocalDate.now(CAMPUS).minusDays(30);
		moveTo(delivered, day, LocalTime.of(11, 5));
		moveTo(paid, day, LocalTime.of(12, 39, 59));
		moveTo(refunded, day, LocalTime.of(11, 7));
		moveTo(unpaid, day, LocalTime.of(11, 8));
		moveTo(elsewhere, day, LocalTime.of(11, 5));
		this.jdbc.sql("update ordering.rating set rated_at = ? where order_id = ?")
			.param(Timestamp.from(day.atTime(13, 0).atZone(CAMPUS).toInstant()))
			.param(Long.parseLong(delivered))
			.update();

		String range = "?from=" + day + "&to=" + day.plusDays(1);
		Response answer = api().get("/api/v1/merchant/reports" + range, stallAccount);
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
		JsonNode report = answer.body();
		assertThat(report.path("from").asString()).isEqualTo(day.toString());
		assertThat(report.path("to").asString()).isEqualTo(day.plusDays(1).toString());

		JsonNode days = report.path("days");
		assertThat(days).hasSize(2);
		assertThat(days.get(0).path("day").asString()).isEqualTo(day.toString());
		assertThat(days.get(0).path("orders").asInt()).as("delivered and paid; not refunded nor unpaid").isEqualTo(2);
		assertThat(days.get(0).path("turnoverCents").asLong()).isEqualTo(totalA + totalB);
		assertThat(days.get(0).path("averageTicketCents").asLong()).isEqualTo(Math.round((totalA + totalB) / 2.0));
		assertThat(days.get(1).path("day").asString()).isEqualTo(day.plusDays(1).toString());
		assertThat(days.get(1).path("orders").asInt()).isZero();
		assertThat(days.get(1).path("turnoverCents").asLong()).isZero();
		assertThat(days.get(1).path("averageTicketCents").asLong()).isZero();

		JsonNode top = report.path("topItems");
		assertThat(top).hasSize(2);
		assertThat(top.get(0).path("itemId").asLong()).isEqualTo(firstId);
		assertThat(top.get(0).path("name").asString()).isEqualTo(first.path("name").asString());
		assertThat(top.get(0).path("quantity").asInt()).as("the refunded order's item does not count").isEqualTo(2);
		assertThat(top.get(0).path("turnoverCents").asLong()).isEqualTo(2L * first.path("priceCents").asInt());
		assertThat(top.get(1).path("itemId").asLong()).isEqualTo(secondId);
		assertThat(top.get(1).path("quantity").asInt()).isEqualTo(1);
		assertThat(top.get(1).path("turnoverCents").asLong()).isEqualTo(second.path("priceCents").asInt());

		JsonNode slots = report.path("lunchSlots");
		assertThat(slots).hasSize(18);
		assertThat(slots.get(0).path("slot").asString()).isEqualTo("10:30");
		assertThat(slots.get(17).path("slot").asString()).isEqualTo("13:20");
		for (JsonNode slot : slots) {
			String start = slot.path("slot").asString();
			int expected = switch (start) {
				case "11:00", "12:30" -> 1;
				default -> 0;
			};
			assertThat(slot.path("orders").asInt()).as(start).isEqualTo(expected);
		}

		JsonNode ratings = report.path("ratings");
		assertThat(ratings.path("count").asInt()).isEqualTo(1);
		assertThat(ratings.path("average").decimalValue()).isEqualByComparingTo("4.0");
		assertThat(ratings.path("byStars").size()).isEqualTo(5);
		assertThat(ratings.path("byStars").path("4").asInt()).isEqualTo(1);
		assertThat(ratings.path("byStars").path("5").asInt()).isZero();

		JsonNode settlement = report.path("settlement");
		assertThat(settlement.path("orders").asInt()).as("every order of the days, as the settlement counts")
			.isEqualTo(4);
		assertThat(settlement.path("deliverableOrders").asInt()).isEqualTo(2);
		assertThat(settlement.path("salesCents").asLong()).isEqualTo(totalA + totalB);
		assertThat(settlement.path("couponCents").asLong()).isEqualTo(100);
		assertThat(settlement.path("chargedCents").asLong()).isEqualTo(totalA + totalB + totalC);
		assertThat(settlement.path("refundedCents").asLong()).isEqualTo(totalC);
		assertThat(settlement.path("netCents").asLong()).isEqualTo(totalA + totalB);
		// The operators' settlement of that day says the same of this stall.
		JsonNode operators = api().get("/api/v1/admin/settlements?date=" + day, api().login("admin")).body();
		JsonNode ours = null;
		for (JsonNode merchant : operators.path("merchants")) {
			if (merchant.path("merchantId").asLong() == stallId) {
				ours = merchant.path("totals");
			}
		}
		assertThat(ours).isNotNull();
		assertThat(ours.path("orders").asInt()).isEqualTo(4);
		assertThat(ours.path("salesCents").asLong()).isEqualTo(totalA + totalB);
		assertThat(ours.path("couponCents").asLong()).isEqualTo(100);
		assertThat(ours.path("refundedCents").asLong()).isEqualTo(totalC);
		assertThat(ours.path("netCents").asLong()).isEqualTo(totalA + totalB);

		// The other stall's report of the same days holds its own order only.
		JsonNode theirs = api().get("/api/v1/merchant/reports" + range, merchantAccount(other.path("id").asLong()))
			.body();
		assertThat(theirs.path("topItems")).singleElement()
			.satisfies((item) -> assertThat(item.path("itemId").asLong()).isEqualTo(otherItem));
		assertThat(theirs.path("settlement").path("orders").asInt()).isEqualTo(1);
		assertThat(theirs.path("ratings").path("count").asInt()).isZero();
		assertThat(theirs.path("ratings").path("average").isNull()).isTrue();
		top.forEach((item) -> assertThat(item.path("itemId").asLong()).isNotEqualTo(otherItem));

		// The workbook says the same.
		HttpResponse<byte[]> workbook = download("/api/v1/merchant/reports.xlsx" + range, stallAccount);
		assertThat(workbook.statusCode()).isEqualTo(200);
		assertThat(workbook.headers().firstValue("Content-Type")).hasValue(XLSX);
		assertThat(workbook.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"lunchrush-report-" + day + "-" + day.plusDays(1) + ".xlsx\"");
		assertThat(entry(workbook.body(), "xl/styles.xml")).as("money shown with two decimals")
			.contains("formatCode=\"0.00\"");
		try (ReadableWorkbook excel = new ReadableWorkbook(new ByteArrayInputStream(workbook.body()))) {
			List<Sheet> sheets = excel.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName)
				.containsExactly("每日营业 Daily", "热销菜品 Top items", "午高峰 Lunch slots", "评价 Ratings", "结算 Settlement");
			List<Row> daily = sheets.get(0).read();
			assertThat(daily.get(0).getCellText(0)).isEqualTo("日期");
			assertThat(daily.get(1).getCellText(0)).isEqualTo("Day");
			assertThat(daily.get(1).getCellText(2)).isEqualTo("Turnover (yuan)");
			assertThat(daily).hasSize(4);
			assertThat(daily.get(2).getCellAsDate(0).orElseThrow().toLocalDate()).isEqualTo(day);
			assertThat(daily.get(2).getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("2");
			assertThat(daily.get(2).getCellAsNumber(2).orElseThrow())
				.isEqualByComparingTo(BigDecimal.valueOf(totalA + totalB, 2));
			assertThat(daily.get(3).getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("0");

			List<Row> items = sheets.get(1).read();
			assertThat(items).hasSize(4);
			assertThat(items.get(2).getCellText(2)).isEqualTo(first.path("name").asString());
			assertThat(items.get(2).getCellAsNumber(3).orElseThrow()).isEqualByComparingTo("2");
			assertThat(items.get(2).getCellAsNumber(4).orElseThrow())
				.isEqualByComparingTo(BigDecimal.valueOf(2L * first.path("priceCents").asInt(), 2));

			List<Row> lunch = sheets.get(2).read();
			assertThat(lunch).hasSize(2 + 18);
			assertThat(lunch.get(2 + 3).getCellText(0)).isEqualTo("11:00");
			assertThat(lunch.get(2 + 3).getCellAsNumber(1).orElseThrow()).isEqualByComparingTo("1");

			Map<String, BigDecimal> ratingRows = figures(sheets.get(3));
			assertThat(ratingRows.get("4")).isEqualByComparingTo("1");
			assertThat(ratingRows.get("5")).isEqualByComparingTo("0");
			assertThat(ratingRows.get("合计 Total")).isEqualByComparingTo("1");
			assertThat(ratingRows.get("平均 Average")).isEqualByComparingTo("4.0");

			Map<String, BigDecimal> money = figures(sheets.get(4));
			assertThat(money.get("订单数 Orders")).isEqualByComparingTo("4");
			assertThat(money.get("销售额（元）Sales (yuan)")).isEqualByComparingTo(BigDecimal.valueOf(totalA + totalB, 2));
			assertThat(money.get("优惠券（元，平台承担）Coupons (yuan, owed by the platform)")).isEqualByComparingTo("1.00");
			assertThat(money.get("退款（元）Refunded (yuan)")).isEqualByComparingTo(BigDecimal.valueOf(totalC, 2));
			assertThat(money.get("净额（元）Net (yuan)")).isEqualByComparingTo(BigDecimal.valueOf(totalA + totalB, 2));
		}
	}

	@Test
	void theLastSevenDaysByDefaultAndBadDatesAreRefused() {
		Session stall = merchantAccount(merchantNamed("南门·一点点奶茶").path("id").asLong());
		LocalDate today = LocalDate.now(CAMPUS);
		JsonNode week = api().get("/api/v1/merchant/reports", stall).body();
		assertThat(week.path("from").asString()).isEqualTo(today.minusDays(6).toString());
		assertThat(week.path("to").asString()).isEqualTo(today.toString());
		assertThat(week.path("days")).hasSize(7);

		Response longest = api().get("/api/v1/merchant/reports?from=" + today.minusDays(61) + "&to=" + today, stall);
		assertThat(longest.status()).as(longest.raw().body()).isEqualTo(200);
		assertThat(longest.body().path("days")).hasSize(62);

		for (String query : List.of("from=2026-13-01", "from=2026-02-30", "from=abc", "from=2026-12-1", "to=20261206",
				"from=2026-12-06&to=2026-12-05", "from=" + today.minusDays(62) + "&to=" + today, "from=+2026-12-01",
				"from=2026-12-01T00:00")) {
			for (String path : List.of("/api/v1/merchant/reports?", "/api/v1/merchant/reports.xlsx?")) {
				Response refused = api().get(path + query, stall);
				assertThat(refused.status()).as(path + query).isEqualTo(400);
				assertThat(refused.code()).as(path + query).isEqualTo("VALIDATION");
			}
		}
		assertThat(api().get("/api/v1/merchant/reports", student(145)).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/merchant/reports.xlsx", student(145)).status()).isEqualTo(403);
		assertThat(api().get("/api/v1/merchant/reports", null).status()).isEqualTo(401);
	}

	/**
	 * @return the numbers of a sheet's second column by the first column's text
	 */
	private static Map<String, BigDecimal> figures(Sheet sheet) throws java.io.IOException {
		Map<String, BigDecimal> figures = new java.util.HashMap<>();
		for (Row row : sheet.read()) {
			row.getOptionalCell(1)
				.filter((cell) -> cell.getType() == CellType.NUMBER)
				.ifPresent((cell) -> figures.put(row.getCellText(0), cell.asNumber()));
		}
		return figures;
	}

	/**
	 * @return one part of the workbook, read through the zip's central directory
	 */
	private static String entry(byte[] zip, String name) throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
		try {
			java.nio.file.Files.write(file, zip);
			try (java.util.zip.ZipFile parts = new java.util.zip.ZipFile(file.toFile())) {
				java.util.zip.ZipEntry part = parts.getEntry(name);
				assertThat(part).as(name).isNotNull();
				return new String(parts.getInputStream(part).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

	private int total(Session student, String orderId) {
		return api().get("/api/v1/orders/" + orderId, student).body().path("totalCents").asInt();
	}

	private void moveTo(String orderId, LocalDate day, LocalTime at) {
		ZonedDateTime placed = day.atTime(at).atZone(CAMPUS);
		int moved = this.jdbc.sql("update ordering.orders set stock_day = ?, placed_at = ? where id = ?")
			.param(day)
			.param(Timestamp.from(placed.toInstant()))
			.param(Long.parseLong(orderId))
			.update();
		assertThat(moved).isEqualTo(1);
	}

	private HttpResponse<byte[]> download(String path, Session session) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(api().base() + path))
			.header("Authorization", "Bearer " + session.token())
			.GET()
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
	}

}
