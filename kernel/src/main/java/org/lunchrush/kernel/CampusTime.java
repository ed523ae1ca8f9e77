package org.lunchrush.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The campus's wall clock: "today" for daily stock and opening hours is the campus's day,
 * not the server's.
 */
public record CampusTime(Clock clock, ZoneId zone) {

	public Instant now() {
		return this.clock.instant();
	}

	public ZonedDateTime localNow() {
		return this.clock.instant().atZone(this.zone);
	}

	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), this.zone);
	}

	public LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone);
	}

	public OffsetDateTime local(Instant instant) {
		return instant.atZone(this.zone).toOffsetDateTime();
	}

}
