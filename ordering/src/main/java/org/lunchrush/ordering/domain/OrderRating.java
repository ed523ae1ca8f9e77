package org.lunchrush.ordering.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What a student thought of a delivered order: one to five stars and an optional short
 * comment.
 *
 * @param comment single-line text of at most {@value #MAX_COMMENT} characters, if any
 */
public record OrderRating(long orderId, long merchantId, int stars, Optional<String> comment, Instant ratedAt) {

	public static final int MIN_STARS = 1;

	public static final int MAX_STARS = 5;

	public static final int MAX_COMMENT = 200;

	public OrderRating {
		if (stars < MIN_STARS || stars > MAX_STARS) {
			throw new IllegalArgumentException("stars must be 1 to 5, not " + stars);
		}
		if (comment.filter((text) -> text.length() > MAX_COMMENT).isPresent()) {
			throw new IllegalArgumentException("comment longer than " + MAX_COMMENT + " characters");
		}
	}

}
