package org.lunchrush.ops;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/forecast?weeks=4&slotMinutes=15&weekday=MONDAY&from=11:50&until=12:30}:
 * operators only (the edge admits the ADMIN role alone to {@code /api/v1/admin/**}).
 * Every parameter is optional and checked strictly: a bad one is {@code 400 VALIDATION}
 * naming it, and nothing is counted.
 */
@RestController
class ForecastController {

	static final int DEFAULT_WEEKS = 4;

	static final int DEFAULT_SLOT_MINUTES = 15;

	/** The lunch peak: the pre-scaling job asks for it. */
	static final LocalTime DEFAULT_FROM = LocalTime.of(11, 50);

	static final LocalTime DEFAULT_UNTIL = LocalTime.of(12, 30);

	private static final Set<Integer> SLOT_MINUTES = Set.of(5, 10, 15, 20, 30, 60);

	private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,2}");

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])");

	private final PeakForecast forecast;

	ForecastController(PeakForecast forecast) {
		this.forecast = forecast;
	}

	@GetMapping("/api/v1/admin/forecast")
	Forecast forecast(@RequestParam(required = false) String weeks, @RequestParam(required = false) String slotMinutes,
			@RequestParam(required = false) String weekday, @RequestParam(required = false) String from,
			@RequestParam(required = false) String until) {
		// Plain strings, so that a parameter given empty ("weeks=") is refused, not taken
		// for one left out.
		int weeksBack = (weeks != null) ? number("weeks", weeks) : DEFAULT_WEEKS;
		if (weeksBack < 1 || weeksBack > PeakForecast.MAX_WEEKS) {
			throw invalid("weeks", "1 to " + PeakForecast.MAX_WEEKS);
		}
		int slot = (slotMinutes != null) ? number("slotMinutes", slotMinutes) : DEFAULT_SLOT_MINUTES;
		if (!SLOT_MINUTES.contains(slot)) {
			throw invalid("slotMinutes", "one of 5, 10, 15, 20, 30, 60");
		}
		DayOfWeek day = (weekday != null) ? weekday(weekday) : this.forecast.today();
		LocalTime start = (from != null) ? time("from", from) : DEFAULT_FROM;
		LocalTime end = (until != null) ? time("until", until) : DEFAULT_UNTIL;
		if (!end.isAfter(start)) {
			throw invalid("until", "not after from");
		}
		return this.forecast.of(weeksBack, Duration.ofMinutes(slot), day, start, end);
	}

	private static int number(String field, String text) {
		if (!NUMBER.matcher(text).matches()) {
			throw invalid(field, "not a whole number");
		}
		return Integer.parseInt(text);
	}

	private static DayOfWeek weekday(String text) {
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().equals(text)) {
				return day;
			}
		}
		throw invalid("weekday", "one of MONDAY … SUNDAY");
	}

	private static LocalTime time(String field, String text) {
		Matcher matcher = TIME.matcher(text);
		if (!matcher.matches()) {
			throw invalid(field, "not a time of day (HH:MM, 00:00 to 23:59)");
		}
		return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
	}

	private static LunchrushException invalid(String field, String reason) {
		return new LunchrushException(ErrorCode.VALIDATION,
				Map.of("fields", List.of(Map.of("field", field, "reason", reason))));
	}

}
