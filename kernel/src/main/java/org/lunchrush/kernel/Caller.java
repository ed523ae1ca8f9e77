package org.lunchrush.kernel;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Who is calling, as proven by the bearer token. Controllers take it as a parameter; the
 * edge resolves it without touching the database.
 *
 * @param userId the account id
 * @param role the account's role
 * @param merchantId the merchant a MERCHANT account runs
 * @param vip whether a student has VIP membership (priority lane for payment updates)
 */
public record Caller(long userId, Role role, OptionalLong merchantId, boolean vip) {

	public static Caller student(long userId, boolean vip) {
		return new Caller(userId, Role.STUDENT, OptionalLong.empty(), vip);
	}

	/**
	 * @return the merchant this caller runs
	 * @throws LunchrushException {@code FORBIDDEN} when the caller runs none
	 */
	public long requireMerchant() {
		if (this.role != Role.MERCHANT || this.merchantId.isEmpty()) {
			throw new LunchrushException(ErrorCode.FORBIDDEN, Map.of("reason", "merchant account required"));
		}
		return this.merchantId.getAsLong();
	}

}
