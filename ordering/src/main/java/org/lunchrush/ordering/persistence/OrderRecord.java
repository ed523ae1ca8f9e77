package org.lunchrush.ordering.persistence;

import java.time.LocalDate;
import java.util.Optional;

import org.lunchrush.ordering.domain.Order;

/**
 * An order as stored, with what the aggregate does not need for its rules.
 *
 * @param handOver when delivery promised and now expects the food at the door
 */
public record OrderRecord(Order order, Optional<String> note, LocalDate stockDay, HandOverTimes handOver) {
}
