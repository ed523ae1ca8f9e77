package org.lunchrush.delivery.core;

import java.time.Instant;

/**
 * A stop on a rider's route, with when the rider gets there.
 */
record RouteStop(long orderId, Kind kind, long buildingId, Instant eta) {

	enum Kind {

		PICKUP, DROPOFF

	}

}
