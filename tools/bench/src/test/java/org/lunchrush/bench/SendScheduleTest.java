package org.lunchrush.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SendScheduleTest {

	@Test
	void constantRateSendsAtFixedIntervals() {
		SendSchedule schedule = SendSchedule.constant(400, 1000);
		assertThat(schedule.size()).isEqualTo(1000);
		assertThat(schedule.offsetNanos(0)).isZero();
		assertThat(schedule.offsetNanos(1)).isEqualTo(2_500_000);
		assertThat(schedule.offsetNanos(999)).isEqualTo(2_497_500_000L);
		assertThat(schedule.durationSeconds()).isEqualTo(2.5);
		assertThat(schedule.countBetween(0, 1_000_000_000)).isEqualTo(400);
	}

	@Test
	void lunchScheduleFollowsTheCurve() {
		LunchCurve curve = new LunchCurve(300, 30);
		SendSchedule schedule = SendSchedule.of(curve);
		assertThat(schedule.size()).isEqualTo((int) Math.round(curve.total()));
		long previous = -1;
		for (int i = 0; i < schedule.size(); i++) {
			assertThat(schedule.offsetNanos(i)).isGreaterThanOrEqualTo(previous).isBetween(0L, 30_000_000_000L);
			previous = schedule.offsetNanos(i);
		}
		// Per second, the orders scheduled match the curve's integral over that second;
		// the total is rounded, so the last second may differ by its fraction.
		for (int second = 0; second < 30; second++) {
			long from = second * 1_000_000_000L;
			long to = from + 1_000_000_000L;
			assertThat((double) schedule.countBetween(from, to)).as("second %d", second)
				.isCloseTo(curve.cumulative(second + 1) - curve.cumulative(second), within(1.5));
		}
		// The busiest second is around the peak (7.5 s).
		int busiest = 0;
		for (int second = 1; second < 30; second++) {
			if (schedule.countBetween(second * 1_000_000_000L, (second + 1) * 1_000_000_000L) > schedule
				.countBetween(busiest * 1_000_000_000L, (busiest + 1) * 1_000_000_000L)) {
				busiest = second;
			}
		}
		assertThat(busiest).isBetween(6, 8);
	}

}
