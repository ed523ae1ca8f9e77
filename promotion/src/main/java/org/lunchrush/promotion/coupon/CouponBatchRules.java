package org.lunchrush.promotion.coupon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.promotion.NewCouponBatch;

/**
 * What makes a batch issuable. The problems come in the shape the edge uses for invalid
 * bodies ({@code details.fields[].field/reason}), so a client handles both alike.
 */
final class CouponBatchRules {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_QUANTITY = 1_000_000;

	/**
	 * ¥10,000: far above any campus meal, low enough that a typo of a few extra digits is
	 * caught.
	 */
	static final int MAX_CENTS = 1_000_000;

	static final int MAX_PER_STUDENT = 100;

	/**
	 * How far ahead a batch may run: a campus promotion spans a term or a year, and a
	 * date in the year +99999 is a typo that no index or report should meet.
	 */
	static final Duration MAX_AHEAD = Duration.ofDays(366);

	/**
	 * How far back a batch may start: an operator issuing "from this morning" in the
	 * afternoon is fine, a batch back-dated to 1970 is a typo.
	 */
	static final Duration MAX_BACKDATE = Duration.ofDays(1);

	private CouponBatchRules() {
	}

	/**
	 * @throws LunchrushException {@code VALIDATION} naming every bad field
	 */
	static void check(NewCouponBatch batch, Instant now) {
		List<Map<String, String>> problems = problems(batch, now);
		if (!problems.isEmpty()) {
			throw new LunchrushException(ErrorCode.VALIDATION, Map.of("fields", problems));
		}
	}

	static List<Map<String, String>> problems(NewCouponBatch batch, Instant now) {
		List<Map<String, String>> problems = new ArrayList<>();
		if (batch.name() == null || batch.name().isBlank()) {
			problems.add(problem("name", "must not be blank"));
		}
		else if (batch.name().length() > MAX_NAME_LENGTH) {
			problems.add(problem("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
		}
		if (batch.amountOffCents() <= 0) {
			problems.add(problem("amountOffCents", "must be positive"));
		}
		else if (batch.amountOffCents() > MAX_CENTS) {
			problems.add(problem("amountOffCents", "must be at most " + MAX_CENTS));
		}
		// Otherwise an order that just meets the minimum would cost nothing, or less.
		if (batch.minSpendCents() <= batch.amountOffCents()) {
			problems.add(problem("minSpendCents", "must be more than amountOffCents"));
		}
		else if (batch.minSpendCents() > MAX_CENTS) {
			problems.add(problem("minSpendCents", "must be at most " + MAX_CENTS));
		}
		if (batch.validFrom() == null) {
			problems.add(problem("validFrom", "must be given"));
		}
		if (batch.validUntil() == null) {
			problems.add(problem("validUntil", "must be given"));
		}
		else if (batch.validFrom() != null && !batch.validUntil().isAfter(batch.validFrom())) {
			problems.add(problem("validUntil", "must be after validFrom"));
		}
		else if (!batch.validUntil().isAfter(now)) {
			problems.add(problem("validUntil", "must be in the future"));
		}
		else if (batch.validUntil().isAfter(now.plus(MAX_AHEAD))) {
			problems.add(problem("validUntil", "must be at most " + MAX_AHEAD.toDays() + " days from now"));
		}
		else if (batch.validFrom() != null && batch.validFrom().isBefore(now.minus(MAX_BACKDATE))) {
			problems.add(problem("validFrom", "must be at most " + MAX_BACKDATE.toDays() + " day in the past"));
		}
		if (batch.totalQuantity() < 1 || batch.totalQuantity() > MAX_QUANTITY) {
			problems.add(problem("totalQuantity", "must be between 1 and " + MAX_QUANTITY));
		}
		if (batch.perStudentLimit() < 1 || batch.perStudentLimit() > MAX_PER_STUDENT) {
			problems.add(problem("perStudentLimit", "must be between 1 and " + MAX_PER_STUDENT));
		}
		return problems;
	}

	private static Map<String, String> problem(String field, String reason) {
		return Map.of("field", field, "reason", reason);
	}

}
