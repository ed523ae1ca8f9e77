package org.lunchrush.delivery.core;

/**
 * A rider as dispatch sees them.
 *
 * @param positionBuildingId the building of the last stop, or where the shift started
 * @param capacity how many orders the bag holds
 */
record Rider(long riderId, boolean onShift, long positionBuildingId, int capacity) {
}
