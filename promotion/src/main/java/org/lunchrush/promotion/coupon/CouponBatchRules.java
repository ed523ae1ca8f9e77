package org.lunchrush.promotion.coupon;

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
		// Otherwise an order that just meets the minimum would cost nothing, or less.
		if (batch.minSpendCents() <= batch.amountOffCents()) {
			problems.add(problem("minSpendCents", "must be more than amountOffCents"));
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
		if (batch.totalQuantity() < 1 || batch.totalQuantity() > MAX_QUANTITY) {
			problems.add(problem("totalQuantity", "must be between 1 and " + MAX_QUANTITY));
		}
		if (batch.perStudentLimit() < 1) {
			problems.add(problem("perStudentLimit", "must be at least 1"));
		}
		return problems;
	}

	private static Map<String, String> problem(String field, String reason) {
		return Map.of("field", field, "reason", reason);
	}

}
