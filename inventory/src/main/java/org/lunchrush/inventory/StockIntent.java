package org.lunchrush.inventory;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a reservation is for, kept beside the live counter until the order is persisted or
 * given up: the order, the platform process that reserved (its name among the instances),
 * when, and a note of the caller's (what it needs to give the order up: the student, the
 * coupon).
 *
 * @param orderId the order the reservation is for
 * @param holder the platform process that reserved
 * @param at when it reserved
 * @param note the caller's note: letters, digits, spaces and {@code :._-}, at most 200
 * characters
 */
public record StockIntent(long orderId, String holder, Instant at, String note) {

	private static final Pattern HOLDER = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private static final Pattern NOTE = Pattern.compile("[A-Za-z0-9 ._:-]{0,200}");

	public StockIntent {
		if (holder == null || !HOLDER.matcher(holder).matches()) {
			throw new IllegalArgumentException("A stock intent's holder is an instance name: " + holder);
		}
		if (note == null || !NOTE.matcher(note).matches()) {
			throw new IllegalArgumentException("A stock intent's note is plain text without '|': " + note);
		}
	}

}
