package org.lunchrush.ops;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Orders per minute by weekday and time of day over the last weeks, and the replicas
 * recommended for one window of one weekday (the lunch peak, by default).
 *
 * @param from the first moment counted: {@code weeks} weeks before {@code until}, so that
 * every weekday and slot is counted exactly {@code weeks} times
 * @param until now, when the forecast was made
 * @param orders every order placed in {@code [from, until)}
 * @param slots the slots with orders, by weekday (Monday first) and start; slots without
 * orders are left out
 */
public record Forecast(String timeZone, OffsetDateTime from, OffsetDateTime until, int weeks, int slotMinutes,
		long orders, List<Slot> slots, Recommendation recommendation) {

	/**
	 * @param start the slot's first minute on the campus clock, {@code HH:MM}
	 * @param orders the orders placed in this slot of this weekday over all the weeks
	 * @param ordersPerMinute {@code orders / (weeks × slotMinutes)}, two decimals
	 */
	public record Slot(String weekday, String start, long orders, BigDecimal ordersPerMinute) {
	}

	/**
	 * @param from the window's start, {@code HH:MM}, included
	 * @param until the window's end, {@code HH:MM}, excluded; every slot that overlaps
	 * the window counts
	 * @param peakSlot the busiest such slot's start, {@code null} when none had an order
	 * @param peakOrdersPerMinute that slot's orders per minute (0 without one)
	 * @param replicas {@code ceil(peakOrdersPerMinute / replicaCapacityPerMinute)},
	 * within {@code minReplicas…maxReplicas}
	 */
	public record Recommendation(String weekday, String from, String until, String peakSlot,
			BigDecimal peakOrdersPerMinute, int replicaCapacityPerMinute, int minReplicas, int maxReplicas,
			int replicas) {
	}

}
