package org.lunchrush.ordering.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * What delivery told the order about its hand-over.
 *
 * @param promisedBy the time promised when the merchant accepted (the food's expected
 * ready time plus the platform's promise); empty before
 * @param eta the latest estimate after a dispatch round; empty until a rider has the
 * order on a route
 */
public record HandOverTimes(Optional<Instant> promisedBy, Optional<Instant> eta) {
}
