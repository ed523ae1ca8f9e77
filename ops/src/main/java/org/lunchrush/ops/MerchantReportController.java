package org.lunchrush.ops;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.lunchrush.governor.Feature;
import org.lunchrush.governor.Governor;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/merchant/reports?from=2026-12-01&to=2026-12-06} and the same as an
 * Excel workbook ({@code /reports.xlsx}): the caller's own stall only. Dates are campus
 * days, both included; {@code to} is today by default and {@code from} six days before
 * {@code to}; at most {@value MerchantReports#MAX_DAYS} days. A heavy report: while the
 * load governor has {@link Feature#REPORTS} off, {@code 503 DEGRADED} and nothing is
 * computed.
 */
@RestController
class MerchantReportController {

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final int DEFAULT_DAYS = 7;

	private final MerchantReports reports;

	private final CampusTime time;

	private final Governor governor;

	MerchantReportController(MerchantReports reports, CampusTime time, Governor governor) {
		this.reports = reports;
		this.time = time;
		this.governor = governor;
	}

	@GetMapping("/api/v1/merchant/reports")
	MerchantReport report(Caller caller, @RequestParam Optional<String> from, @RequestParam Optional<String> to) {
		return build(caller, from, to);
	}

	/**
	 * The workbook. The route declares no {@code produces}: a refused request is answered
	 * with the usual JSON error, whatever the client accepts.
	 */
	@GetMapping("/api/v1/merchant/reports.xlsx")
	ResponseEntity<byte[]> workbook(Caller caller, @RequestParam Optional<String> from,
			@RequestParam Optional<String> to) {
		MerchantReport report = build(caller, from, to);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ReportWorkbook.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(ReportWorkbook.fileName(report)).build().toString())
			.body(ReportWorkbook.write(report));
	}

	private MerchantReport build(Caller caller, Optional<String> from, Optional<String> to) {
		long merchantId = caller.requireMerchant();
		this.governor.requireOn(Feature.REPORTS);
		Optional<LocalDate> first = from.map((text) -> day("from", text));
		Optional<LocalDate> last = to.map((text) -> day("to", text));
		LocalDate end = last.orElseGet(this.time::today);
		LocalDate start = first.orElseGet(() -> end.minusDays(DEFAULT_DAYS - 1));
		if (end.isBefore(start)) {
			throw invalid("to", "before from");
		}
		if (ChronoUnit.DAYS.between(start, end) >= MerchantReports.MAX_DAYS) {
			throw invalid("to", "more than " + MerchantReports.MAX_DAYS + " days after from");
		}
		return this.reports.of(merchantId, start, end);
	}

	private static LocalDate day(String field, String text) {
		if (!DATE.matcher(text).matches()) {
			throw invalid(field, "not a date (YYYY-MM-DD)");
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw invalid(field, "not a date (YYYY-MM-DD)");
		}
	}

	private static LunchrushException invalid(String field, String reason) {
		return new LunchrushException(ErrorCode.VALIDATION,
				Map.of("fields", List.of(Map.of("field", field, "reason", reason))));
	}

}
