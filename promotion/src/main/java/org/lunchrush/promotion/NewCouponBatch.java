package org.lunchrush.promotion;

import java.time.Instant;

/**
 * What an operator asks for when issuing coupons: {@code totalQuantity} coupons worth
 * {@code amountOffCents} off an order of at least {@code minSpendCents}, usable from
 * {@code validFrom} until {@code validUntil}, at most {@code perStudentLimit} per
 * student. {@link Coupons#createBatch} checks it.
 */
public record NewCouponBatch(String name, int amountOffCents, int minSpendCents, Instant validFrom, Instant validUntil,
		int totalQuantity, int perStudentLimit) {

}
