package org.lunchrush.catalog;

import java.time.LocalTime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OpeningHoursTest {

	private static final OpeningHours LUNCH_AND_DINNER = OpeningHours.parse("10:30-13:30,16:30-19:30");

	@Nested
	class Parsing {

		@Test
		void readsEveryRangeInOrder() {
			assertThat(LUNCH_AND_DINNER.ranges()).containsExactly(
					new OpeningHours.Range(LocalTime.of(10, 30), LocalTime.of(13, 30)),
					new OpeningHours.Range(LocalTime.of(16, 30), LocalTime.of(19, 30)));
		}

		@Test
		void toleratesSpacesAroundRangesAndBounds() {
			assertThat(OpeningHours.parse(" 10:30 - 13:30 , 16:30-19:30 ")).isEqualTo(LUNCH_AND_DINNER);
		}

		@ParameterizedTest
		@ValueSource(strings = { "10:30-13:30,16:30-19:30", "00:00-24:00", "07:00-09:15", "11:00-14:00,17:00-24:00" })
		void writesBackTheTextItWasReadFrom(String text) {
			assertThat(OpeningHours.parse(text)).hasToString(text);
		}

		@ParameterizedTest
		@ValueSource(strings = { "25:00-26:00", "13:00-12:00", "12:00-12:00", "abc", "", "10:30", "10:30-13:30-14:00",
				"10:30-13:30,,16:30-19:30", "10:30-noon", "24:00-24:00", "10:30-13:30,", ",10:30-13:30",
				"10:30-13:30, " })
		void rejectsTextThatIsNotAListOfRanges(String text) {
			assertThatIllegalArgumentException().isThrownBy(() -> OpeningHours.parse(text));
		}

	}

	@Nested
	class Overlapping {

		@ParameterizedTest
		@ValueSource(strings = { "10:00-13:00,12:00-14:00", "12:00-14:00,10:00-13:00", "10:00-14:00,11:00-12:00",
				"10:00-12:00,10:00-12:00", "00:00-24:00,23:00-24:00" })
		void rangesThatShareAMinuteAreRefused(String text) {
			OpeningHours hours = OpeningHours.parse(text);
			assertThatIllegalArgumentException().isThrownBy(hours::requireDisjoint);
		}

		@ParameterizedTest
		@ValueSource(strings = { "10:30-13:30,16:30-19:30", "10:00-12:00,12:00-14:00", "16:30-19:30,10:30-13:30",
				"00:00-24:00" })
		void rangesThatOnlyTouchOrStandApartAreKept(String text) {
			assertThat(OpeningHours.parse(text).requireDisjoint()).hasToString(text);
		}

	}

	@Nested
	class BeingOpen {

		@Test
		void opensOnTheOpeningMinute() {
			assertThat(LUNCH_AND_DINNER.isOpenAt(LocalTime.of(10, 30))).isTrue();
			assertThat(LUNCH_AND_DINNER.isOpenAt(LocalTime.of(16, 30))).isTrue();
		}

		@Test
		void isClosedJustBeforeOpening() {
			assertThat(LUNCH_AND_DINNER.isOpenAt(LocalTime.of(10, 29, 59))).isFalse();
		}

		@Test
		void isClosedOnTheClosingMinute() {
			assertThat(LUNCH_AND_DINNER.isOpenAt(LocalTime.of(13, 30))).isFalse();
			assertThat(LUNCH_AND_DINNER.isOpenAt(LocalTime.of(19, 30))).isFalse();
		}

		@Test
		void isOpenJustBeforeClosing() {
			assertThat(LUNCH_AND_DINNER.isOpenAt(LocalTime.of(13, 29, 59))).isTrue();
		}

		@Test
		void isClosedBetweenRanges() {
			assertThat(LUNCH_AND_DINNER.isOpenAt(LocalTime.of(15, 0))).isFalse();
		}

		@Test
		void isOpenAroundTheClockWhenOpenUntilMidnight() {
			OpeningHours allDay = OpeningHours.parse("00:00-24:00");

			assertThat(allDay.isOpenAt(LocalTime.MIDNIGHT)).isTrue();
			assertThat(allDay.isOpenAt(LocalTime.NOON)).isTrue();
			assertThat(allDay.isOpenAt(LocalTime.of(23, 59))).isTrue();
			assertThat(OpeningHours.ALL_DAY).isEqualTo(allDay);
		}

		@Test
		void closesAtMidnightWhenARangeEndsAt24() {
			OpeningHours lateShift = OpeningHours.parse("20:00-24:00");

			assertThat(lateShift.isOpenAt(LocalTime.of(23, 59, 59))).isTrue();
			assertThat(lateShift.isOpenAt(LocalTime.MIDNIGHT)).isFalse();
		}

	}

}
