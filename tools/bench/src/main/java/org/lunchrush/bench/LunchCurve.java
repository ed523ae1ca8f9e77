package org.lunchrush.bench;

/**
 * The lunch rush of the ten-minute break (课间10分钟订单潮), compressed into a phase of any
 * length: nothing at the bell, a surge as students leave class, the peak a quarter of the
 * way in (2.5 minutes into a real break) and a taper to about 4 % of the peak at the end.
 *
 * <p>
 * With {@code x} the fraction of the phase and {@code p} = 0.25 the peak's position, the
 * rate is {@code peak · (x/p)² · e^(2(1 − x/p))}: a gamma-shaped pulse whose maximum is
 * exactly {@code peak} at {@code x = p}. Its integral has a closed form, so the orders of
 * the phase add up to about 0.456 · peak · duration.
 *
 * @param peakRate orders per second at the peak
 * @param durationSeconds length of the phase
 */
record LunchCurve(double peakRate, double durationSeconds) implements RateCurve {

	/** Where the peak falls, as a fraction of the phase. */
	static final double PEAK_AT = 0.25;

	LunchCurve {
		if (!(peakRate > 0) || !(durationSeconds > 0)) {
			throw new IllegalArgumentException("peak rate and duration must be positive");
		}
	}

	@Override
	public double rateAt(double seconds) {
		if (seconds < 0 || seconds > this.durationSeconds) {
			return 0;
		}
		double u = seconds / this.durationSeconds / PEAK_AT;
		return this.peakRate * u * u * Math.exp(2 * (1 - u));
	}

	@Override
	public double cumulative(double seconds) {
		double x = Math.clamp(seconds, 0, this.durationSeconds);
		double u = x / this.durationSeconds / PEAK_AT;
		// ∫0^u s² e^(2 − 2s) ds = e² / 4 · (1 − e^(−2u) (1 + 2u + 2u²)),
		// scaled from u back to seconds by p · duration.
		double integral = Math.exp(2) / 4 * (1 - Math.exp(-2 * u) * (1 + 2 * u + 2 * u * u));
		return this.peakRate * PEAK_AT * this.durationSeconds * integral;
	}

	/**
	 * Seconds into the phase at which the rate peaks.
	 * @return the peak's time
	 */
	double peakSeconds() {
		return PEAK_AT * this.durationSeconds;
	}

}
