package org.lunchrush.promotion;

import java.time.Instant;
import java.util.Optional;

/**
 * A student's VIP membership.
 *
 * @param grantedBy the operator's account id
 */
public record VipMembership(long studentId, long grantedBy, Instant grantedAt, Optional<String> note) {

}
