package org.lunchrush.campussim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The simulated day: a weekday on the demo campus, in its time zone.
 */
final class CampusClock {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final LocalDate DAY = LocalDate.of(2026, 11, 24);

	/** The last morning class ends: students order. */
	static final LocalTime CLASS_BREAK = LocalTime.of(11, 50);

	/** Riders go on shift five minutes before the break. */
	static final LocalTime SHIFT_START = LocalTime.of(11, 45);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private CampusClock() {
	}

	static Instant at(LocalTime time) {
		return DAY.atTime(time).atZone(ZONE).toInstant();
	}

	/** The campus time of day, with the day added when the run goes past midnight. */
	static String format(Instant instant) {
		var local = instant.atZone(ZONE);
		String time = local.format(TIME);
		long days = local.toLocalDate().toEpochDay() - DAY.toEpochDay();
		return (days == 0) ? time : time + " (+" + days + "d)";
	}

}
