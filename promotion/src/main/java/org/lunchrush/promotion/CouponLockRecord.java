package org.lunchrush.promotion;

import java.time.Instant;

/**
 * A coupon lock taken on the order path ({@link Coupons#lock}), to be recorded once its
 * order is persisted ({@link Coupons#recordLocks}).
 */
public record CouponLockRecord(long couponId, long studentId, long orderId, Instant lockedAt) {

}
