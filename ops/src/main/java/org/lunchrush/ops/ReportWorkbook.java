package org.lunchrush.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A merchant's report as an Excel workbook (FastExcel): one sheet per part of the report,
 * each opening with a Chinese and an English header row; money in yuan with two decimals,
 * days as dates.
 */
final class ReportWorkbook {

	static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String YUAN = "0.00";

	private static final String DAY = "yyyy-mm-dd";

	/** The rows above the figures: Chinese, then English. */
	private static final int HEADER_ROWS = 2;

	private ReportWorkbook() {
	}

	static String fileName(MerchantReport report) {
		return "lunchrush-report-" + report.from() + "-" + report.to() + ".xlsx";
	}

	static byte[] write(MerchantReport report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook workbook = new Workbook(out, "Lunchrush", "1.0");
			daily(workbook.newWorksheet("每日营业 Daily"), report);
			topItems(workbook.newWorksheet("热销菜品 Top items"), report);
			lunchSlots(workbook.newWorksheet("午高峰 Lunch slots"), report);
			ratings(workbook.newWorksheet("评价 Ratings"), report);
			settlement(workbook.newWorksheet("结算 Settlement"), report);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void daily(Worksheet sheet, MerchantReport report) {
		header(sheet, List.of("日期", "订单数", "营业额（元）", "客单价（元）"),
				List.of("Day", "Orders", "Turnover (yuan)", "Average ticket (yuan)"));
		int row = HEADER_ROWS;
		for (MerchantReport.Day day : report.days()) {
			date(sheet, row, 0, day.day());
			sheet.value(row, 1, day.orders());
			yuan(sheet, row, 2, day.turnoverCents());
			yuan(sheet, row, 3, day.averageTicketCents());
			row++;
		}
		sheet.width(0, 12);
		sheet.width(2, 16);
		sheet.width(3, 20);
	}

	private static void topItems(Worksheet sheet, MerchantReport report) {
		header(sheet, List.of("排名", "菜品编号", "菜品", "份数", "销售额（元）"),
				List.of("Rank", "Item id", "Item", "Quantity", "Turnover (yuan)"));
		int row = HEADER_ROWS;
		for (MerchantReport.TopItem item : report.topItems()) {
			sheet.value(row, 0, row - HEADER_ROWS + 1);
			sheet.value(row, 1, item.itemId());
			sheet.value(row, 2, item.name());
			sheet.value(row, 3, item.quantity());
			yuan(sheet, row, 4, item.turnoverCents());
			row++;
		}
		sheet.width(2, 20);
		sheet.width(4, 16);
	}

	private static void lunchSlots(Worksheet sheet, MerchantReport report) {
		header(sheet, List.of("时段（校园时间）", "订单数"), List.of("Slot (campus time)", "Orders"));
		int row = HEADER_ROWS;
		for (MerchantReport.LunchSlot slot : report.lunchSlots()) {
			sheet.value(row, 0, slot.slot());
			sheet.value(row, 1, slot.orders());
			row++;
		}
		sheet.width(0, 18);
	}

	private static void ratings(Worksheet sheet, MerchantReport report) {
		header(sheet, List.of("星级", "评价数"), List.of("Stars", "Ratings"));
		int row = HEADER_ROWS;
		for (var stars : report.ratings().byStars().entrySet()) {
			sheet.value(row, 0, Integer.parseInt(stars.getKey()));
			sheet.value(row, 1, stars.getValue());
			row++;
		}
		sheet.value(row, 0, "合计 Total");
		sheet.value(row, 1, report.ratings().count());
		row++;
		sheet.value(row, 0, "平均 Average");
		if (report.ratings().average() != null) {
			sheet.value(row, 1, report.ratings().average());
			sheet.style(row, 1).format("0.0").set();
		}
		sheet.width(0, 14);
	}

	private static void settlement(Worksheet sheet, MerchantReport report) {
		header(sheet, List.of("项目", "数值"), List.of("Item", "Value"));
		MerchantReport.Money money = report.settlement();
		int row = HEADER_ROWS;
		row = count(sheet, row, "期间 Period", report.from() + " – " + report.to());
		row = count(sheet, row, "订单数 Orders", money.orders());
		row = count(sheet, row, "有效订单数 Delivered or deliverable orders", money.deliverableOrders());
		row = amount(sheet, row, "销售额（元）Sales (yuan)", money.salesCents());
		row = amount(sheet, row, "优惠券（元，平台承担）Coupons (yuan, owed by the platform)", money.couponCents());
		row = amount(sheet, row, "实收（元）Charged (yuan)", money.chargedCents());
		row = amount(sheet, row, "退款（元）Refunded (yuan)", money.refundedCents());
		amount(sheet, row, "净额（元）Net (yuan)", money.netCents());
		sheet.width(0, 48);
		sheet.width(1, 24);
	}

	private static int count(Worksheet sheet, int row, String label, Object value) {
		sheet.value(row, 0, label);
		if (value instanceof Number number) {
			sheet.value(row, 1, number);
		}
		else {
			sheet.value(row, 1, String.valueOf(value));
		}
		return row + 1;
	}

	private static int amount(Worksheet sheet, int row, String label, long cents) {
		sheet.value(row, 0, label);
		yuan(sheet, row, 1, cents);
		return row + 1;
	}

	private static void header(Worksheet sheet, List<String> chinese, List<String> english) {
		for (int column = 0; column < chinese.size(); column++) {
			sheet.value(0, column, chinese.get(column));
			sheet.value(1, column, english.get(column));
		}
		sheet.range(0, 0, HEADER_ROWS - 1, chinese.size() - 1).style().bold().set();
		sheet.freezePane(0, HEADER_ROWS);
	}

	private static void yuan(Worksheet sheet, int row, int column, long cents) {
		sheet.value(row, column, BigDecimal.valueOf(cents, 2));
		sheet.style(row, column).format(YUAN).set();
	}

	private static void date(Worksheet sheet, int row, int column, LocalDate day) {
		sheet.value(row, column, day);
		sheet.style(row, column).format(DAY).set();
	}

}
