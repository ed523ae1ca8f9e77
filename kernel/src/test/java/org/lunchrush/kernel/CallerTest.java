package org.lunchrush.kernel;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CallerTest {

	@Test
	void givesAMerchantAccountItsMerchant() {
		Caller merchant = new Caller(5L, Role.MERCHANT, OptionalLong.of(31L), false);

		assertThat(merchant.requireMerchant()).isEqualTo(31L);
	}

	@Test
	void forbidsAStudentMerchantActions() {
		assertForbidden(Caller.student(42L, true));
	}

	@Test
	void forbidsAMerchantAccountThatRunsNoMerchant() {
		assertForbidden(new Caller(5L, Role.MERCHANT, OptionalLong.empty(), false));
	}

	@Test
	void forbidsAnotherRoleEvenWhenItCarriesAMerchantId() {
		assertForbidden(new Caller(6L, Role.RIDER, OptionalLong.of(31L), false));
	}

	@Test
	void makesAStudentWithoutAMerchant() {
		Caller student = Caller.student(42L, true);

		assertThat(student.role()).isEqualTo(Role.STUDENT);
		assertThat(student.userId()).isEqualTo(42L);
		assertThat(student.vip()).isTrue();
		assertThat(student.merchantId()).isEmpty();
	}

	private static void assertForbidden(Caller caller) {
		LunchrushException refusal = catchThrowableOfType(LunchrushException.class, caller::requireMerchant);

		assertThat(refusal).as("refusal").isNotNull();
		assertThat(refusal.code()).isEqualTo(ErrorCode.FORBIDDEN);
		assertThat(refusal.code().status()).isEqualTo(403);
	}

}
