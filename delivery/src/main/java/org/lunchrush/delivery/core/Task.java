package org.lunchrush.delivery.core;

import java.time.Instant;

/**
 * One order to carry from a stall to a dorm building.
 *
 * @param ready whether the merchant has marked the food ready
 * @param expectedReadyAt when the food should be ready, from the merchant's preparation
 * time at acceptance
 * @param riderId the rider holding the task, {@code null} while waiting
 * @param pickupPosition the place of the pickup on the rider's route
 * @param dropoffPosition the place of the hand-over on the rider's route
 */
record Task(long orderId, long merchantId, long pickupBuildingId, long dropoffBuildingId, TaskStatus status,
		boolean ready, Instant expectedReadyAt, Long riderId, Integer pickupPosition, Integer dropoffPosition) {
}
