package org.lunchrush.ops;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.lunchrush.kernel.CampusTime;
import org.lunchrush.ordering.OrderHistory;
import org.lunchrush.ordering.OrderHistory.PlacedInSlot;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The peak forecast: orders per minute by campus weekday and time of day, from the order
 * history, and how many replicas the platform needs for a window of a weekday. The
 * cluster chart's pre-scaling job asks for the lunch peak a few minutes before it begins
 * and raises the autoscaler's minimum to the answer (docs/operations.md).
 */
@Service
@EnableConfigurationProperties(ForecastProperties.class)
public class PeakForecast {

	/** The most weeks a forecast looks back. */
	public static final int MAX_WEEKS = 12;

	private final OrderHistory history;

	private final CampusTime time;

	private final ForecastProperties properties;

	PeakForecast(OrderHistory history, CampusTime time, ForecastProperties properties) {
		this.history = history;
		this.time = time;
		this.properties = properties;
	}

	/**
	 * @param weeks how many weeks back, 1 to {@value #MAX_WEEKS}
	 * @param slot the slot length; divides an hour
	 * @param weekday the weekday of the window
	 * @param from the window's start on the campus clock
	 * @param until the window's end, after {@code from}
	 */
	public Forecast of(int weeks, Duration slot, DayOfWeek weekday, LocalTime from, LocalTime until) {
		if (weeks < 1 || weeks > MAX_WEEKS || !until.isAfter(from)) {
			throw new IllegalArgumentException("1 to " + MAX_WEEKS + " weeks, a window that ends after it starts");
		}
		Instant end = this.time.now();
		Instant start = end.minus(Duration.ofDays(7L * weeks));
		List<PlacedInSlot> placed = this.history.placedPerSlot(start, end, slot);
		long minutesCounted = weeks * slot.toMinutes();
		List<Forecast.Slot> slots = placed.stream()
			.map((each) -> new Forecast.Slot(each.weekday().name(), each.start().toString(), each.orders(),
					perMinute(each.orders(), minutesCounted)))
			.toList();
		Optional<PlacedInSlot> peak = placed.stream()
			.filter((each) -> each.weekday() == weekday && overlaps(each.start(), slot, from, until))
			.reduce((a, b) -> (b.orders() > a.orders()) ? b : a);
		long peakOrders = peak.map(PlacedInSlot::orders).orElse(0L);
		int capacity = this.properties.replicaCapacity();
		long needed = ceilDiv(peakOrders, minutesCounted * capacity);
		int replicas = (int) Math.clamp(needed, this.properties.minReplicas(), this.properties.maxReplicas());
		Forecast.Recommendation recommendation = new Forecast.Recommendation(weekday.name(), from.toString(),
				until.toString(), peak.map((each) -> each.start().toString()).orElse(null),
				perMinute(peakOrders, minutesCounted), capacity, this.properties.minReplicas(),
				this.properties.maxReplicas(), replicas);
		return new Forecast(this.time.zone().getId(), this.time.local(start), this.time.local(end), weeks,
				(int) slot.toMinutes(), placed.stream().mapToLong(PlacedInSlot::orders).sum(), slots, recommendation);
	}

	/**
	 * @return the weekday it is now on the campus clock
	 */
	public DayOfWeek today() {
		return this.time.today().getDayOfWeek();
	}

	private static boolean overlaps(LocalTime slotStart, Duration slot, LocalTime from, LocalTime until) {
		int start = slotStart.toSecondOfDay();
		int end = start + (int) slot.toSeconds();
		return start < until.toSecondOfDay() && end > from.toSecondOfDay();
	}

	private static BigDecimal perMinute(long orders, long minutes) {
		return BigDecimal.valueOf(orders).divide(BigDecimal.valueOf(minutes), 2, RoundingMode.HALF_UP);
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

}
