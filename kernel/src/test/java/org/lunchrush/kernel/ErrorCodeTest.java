package org.lunchrush.kernel;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

	@ParameterizedTest(name = "{0} is answered with {1}")
	@CsvSource({ "VALIDATION, 400", "SIGNATURE_INVALID, 401", "FORBIDDEN, 403", "ORDER_NOT_FOUND, 404", "SOLD_OUT, 409",
			"ORDER_STATE_CONFLICT, 409", "IDEMPOTENCY_CONFLICT, 409", "COUPONS_EXHAUSTED, 409",
			"COUPON_LIMIT_REACHED, 409", "ALREADY_RATED, 409", "OUT_OF_ZONE, 422", "MERCHANT_CLOSED, 422",
			"COUPON_INVALID, 422", "COUPON_NOT_CLAIMABLE, 422", "RATE_LIMITED, 429", "INTERNAL, 500", "BUSY, 503",
			"DEGRADED, 503" })
	void isAnsweredWithItsHttpStatus(ErrorCode code, int status) {
		assertThat(code.status()).isEqualTo(status);
	}

	@Test
	void answersEveryCodeWithAClientOrServerErrorStatus() {
		assertThat(ErrorCode.values()).allSatisfy((code) -> assertThat(code.status()).isBetween(400, 599));
	}

	@Test
	void carriesItsCodeAndDetailsInARefusal() {
		LunchrushException refusal = new LunchrushException(ErrorCode.SOLD_OUT, Map.of("itemIds", "101"));

		assertThat(refusal.code()).isEqualTo(ErrorCode.SOLD_OUT);
		assertThat(refusal.details()).containsExactly(Map.entry("itemIds", "101"));
		assertThat(refusal).hasMessage("SOLD_OUT {itemIds=101}");
	}

	@Test
	void carriesNoDetailsWhenGivenNone() {
		LunchrushException refusal = new LunchrushException(ErrorCode.BUSY);

		assertThat(refusal.details()).isEmpty();
		assertThat(refusal).hasMessage("BUSY");
	}

}
