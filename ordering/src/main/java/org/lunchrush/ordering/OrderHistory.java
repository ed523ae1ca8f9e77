package org.lunchrush.ordering;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * What the ordering module tells the peak forecast: how many orders were placed, counted
 * by weekday and time of day on the campus clock. Every persisted order counts, whatever
 * became of it: the forecast sizes the platform for the orders that arrive, paid or not.
 */
public interface OrderHistory {

	/**
	 * @param from the first moment counted, included
	 * @param until the end, excluded
	 * @param slot the length of a time-of-day slot; divides an hour (5, 10, 15, 20, 30 or
	 * 60 minutes)
	 * @return the orders placed in {@code [from, until)} per campus weekday and slot,
	 * slots without orders left out, by weekday and then start
	 */
	List<PlacedInSlot> placedPerSlot(Instant from, Instant until, Duration slot);

	/**
	 * @param start the slot's first minute on the campus clock
	 */
	record PlacedInSlot(DayOfWeek weekday, LocalTime start, long orders) {
	}

}
