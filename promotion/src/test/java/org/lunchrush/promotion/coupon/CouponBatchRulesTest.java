package org.lunchrush.promotion.coupon;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.lunchrush.promotion.NewCouponBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CouponBatchRulesTest {

	private static final Instant NOW = Instant.parse("2026-11-24T03:30:00Z");

	/**
	 * 满20减5, valid for a week from now, 500 coupons, 3 per student.
	 */
	private static NewCouponBatch fiveOffTwenty() {
		return new NewCouponBatch("满20减5", 500, 2000, NOW, NOW.plus(Duration.ofDays(7)), 500, 3);
	}

	private static List<String> badFields(NewCouponBatch batch) {
		return CouponBatchRules.problems(batch, NOW).stream().map((problem) -> problem.get("field")).toList();
	}

	@Test
	void acceptsASensibleBatch() {
		assertThat(CouponBatchRules.problems(fiveOffTwenty(), NOW)).isEmpty();
		assertThatNoException().isThrownBy(() -> CouponBatchRules.check(fiveOffTwenty(), NOW));
	}

	@Test
	void acceptsABatchThatStartsLater() {
		NewCouponBatch tomorrow = new NewCouponBatch("明日午餐券", 300, 1500, NOW.plus(Duration.ofDays(1)),
				NOW.plus(Duration.ofDays(2)), 1_000_000, 1);

		assertThat(badFields(tomorrow)).isEmpty();
	}

	@Nested
	class Refuses {

		@Test
		void aBlankOrOverlongName() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(" ", b.amountOffCents(), b.minSpendCents(), b.validFrom(),
					b.validUntil(), b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("name");
			assertThat(badFields(new NewCouponBatch("券".repeat(101), b.amountOffCents(), b.minSpendCents(),
					b.validFrom(), b.validUntil(), b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("name");
		}

		@Test
		void anAmountThatIsNotPositive() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), 0, b.minSpendCents(), b.validFrom(), b.validUntil(),
					b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("amountOffCents");
		}

		@Test
		void aMinimumSpendThatWouldMakeAnOrderFree() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), 500, 500, b.validFrom(), b.validUntil(),
					b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("minSpendCents");
			assertThat(badFields(new NewCouponBatch(b.name(), 500, 0, b.validFrom(), b.validUntil(), b.totalQuantity(),
					b.perStudentLimit())))
				.containsExactly("minSpendCents");
		}

		@Test
		void aWindowThatEndsBeforeItStartsOrIsOver() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), NOW, NOW,
					b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("validUntil");
			assertThat(badFields(
					new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), NOW.minus(Duration.ofDays(2)),
							NOW.minus(Duration.ofDays(1)), b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("validUntil");
		}

		@Test
		void aWindowThatRunsMoreThanAYearAhead() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), NOW,
					NOW.plus(Duration.ofDays(367)), b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("validUntil");
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), NOW,
					Instant.parse("+99999-01-01T00:00:00Z"), b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("validUntil");
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), NOW,
					NOW.plus(Duration.ofDays(366)), b.totalQuantity(), b.perStudentLimit())))
				.isEmpty();
		}

		@Test
		void aWindowBackDatedMoreThanADay() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(),
					Instant.parse("1970-01-01T00:00:00Z"), b.validUntil(), b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("validFrom");
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(),
					NOW.minus(Duration.ofHours(23)), b.validUntil(), b.totalQuantity(), b.perStudentLimit())))
				.isEmpty();
		}

		@Test
		void amountsAndLimitsBeyondAnyCampusMeal() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), 1_000_001, 2_000_000, b.validFrom(), b.validUntil(),
					b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("amountOffCents", "minSpendCents");
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), b.validFrom(),
					b.validUntil(), b.totalQuantity(), 101)))
				.containsExactly("perStudentLimit");
		}

		@Test
		void missingTimes() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), null, null,
					b.totalQuantity(), b.perStudentLimit())))
				.containsExactly("validFrom", "validUntil");
		}

		@Test
		void aQuantityOutsideOneToAMillion() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), b.validFrom(),
					b.validUntil(), 0, b.perStudentLimit())))
				.containsExactly("totalQuantity");
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), b.validFrom(),
					b.validUntil(), 1_000_001, b.perStudentLimit())))
				.containsExactly("totalQuantity");
		}

		@Test
		void aPerStudentLimitBelowOne() {
			NewCouponBatch b = fiveOffTwenty();
			assertThat(badFields(new NewCouponBatch(b.name(), b.amountOffCents(), b.minSpendCents(), b.validFrom(),
					b.validUntil(), b.totalQuantity(), 0)))
				.containsExactly("perStudentLimit");
		}

		@Test
		void withAValidationErrorNamingEveryBadField() {
			NewCouponBatch bad = new NewCouponBatch("", -1, -5, NOW, NOW.minusSeconds(1), 0, 0);

			LunchrushException refusal = catchThrowableOfType(LunchrushException.class,
					() -> CouponBatchRules.check(bad, NOW));

			assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION);
			assertThat(refusal.details().get("fields"))
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Map.class))
				.extracting((problem) -> problem.get("field"))
				.containsExactly("name", "amountOffCents", "minSpendCents", "validUntil", "totalQuantity",
						"perStudentLimit");
		}

	}

}
