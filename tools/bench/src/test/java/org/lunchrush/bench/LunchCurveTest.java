package org.lunchrush.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LunchCurveTest {

	@Test
	void startsAtNothingPeaksAtAQuarterAndTapers() {
		LunchCurve curve = new LunchCurve(500, 120);
		assertThat(curve.rateAt(0)).isZero();
		assertThat(curve.peakSeconds()).isEqualTo(30.0);
		assertThat(curve.rateAt(30)).isCloseTo(500, within(1e-9));
		double previous = 0;
		for (int second = 1; second <= 30; second++) {
			assertThat(curve.rateAt(second)).as("rising at %d s", second).isGreaterThan(previous);
			previous = curve.rateAt(second);
		}
		for (int second = 31; second <= 120; second++) {
			assertThat(curve.rateAt(second)).as("falling at %d s", second).isLessThan(previous);
			previous = curve.rateAt(second);
		}
		assertThat(curve.rateAt(120) / 500).isCloseTo(16 * Math.exp(-6), within(1e-9)).isLessThan(0.05);
		assertThat(curve.rateAt(-1)).isZero();
		assertThat(curve.rateAt(121)).isZero();
	}

	@Test
	void aRealBreakSurgesWithinTheFirstMinuteAndPeaksWithinThree() {
		LunchCurve breakOfTenMinutes = new LunchCurve(100, 600);
		assertThat(breakOfTenMinutes.peakSeconds()).isBetween(120.0, 180.0);
		// half the peak within the first minute after the bell
		assertThat(breakOfTenMinutes.rateAt(60)).isGreaterThan(50);
		// half of all orders are in within the first 40 % of the break
		assertThat(breakOfTenMinutes.cumulative(240) / breakOfTenMinutes.total()).isGreaterThan(0.5);
	}

	@Test
	void cumulativeIsTheIntegralOfTheRate() {
		LunchCurve curve = new LunchCurve(300, 30);
		double sum = 0;
		int steps = 300_000;
		double step = 30.0 / steps;
		for (int i = 0; i < steps; i++) {
			double t = (i + 0.5) * step;
			sum += curve.rateAt(t) * step;
			if (i % 30_000 == 29_999) {
				assertThat(curve.cumulative((i + 1) * step)).isCloseTo(sum, within(1e-3));
			}
		}
		assertThat(curve.total()).isCloseTo(sum, within(1e-3));
		assertThat(curve.cumulative(-5)).isZero();
		assertThat(curve.cumulative(100)).isEqualTo(curve.total());
	}

	@Test
	void totalIsAboutFortySixPerCentOfPeakTimesDuration() {
		assertThat(new LunchCurve(500, 120).total() / (500 * 120)).isCloseTo(0.4555, within(1e-4));
		assertThat(new LunchCurve(1, 1).total()).isCloseTo(0.4555, within(1e-4));
	}

	@Test
	void meanRateOverAnIntervalComesFromTheIntegral() {
		LunchCurve curve = new LunchCurve(500, 120);
		assertThat(curve.meanRate(0, 120)).isCloseTo(curve.total() / 120, within(1e-9));
		assertThat(curve.meanRate(29, 31)).isCloseTo(500, within(1.0));
	}

}
