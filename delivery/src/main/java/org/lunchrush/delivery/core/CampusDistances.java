package org.lunchrush.delivery.core;

import java.time.Duration;
import java.util.Map;

import org.lunchrush.catalog.BuildingPosition;
import org.lunchrush.catalog.Catalog;
import org.lunchrush.delivery.DeliveryProperties;

import org.springframework.stereotype.Component;

/**
 * Travel times between campus buildings: the straight line on the campus plan, lengthened
 * by a detour factor for the paths around lawns and buildings, at a rider's speed. A
 * calibrated metric rather than a path graph: the demo campus has no path data, and the
 * factor can be fitted to measured rides.
 */
@Component
class CampusDistances {

	private final Catalog catalog;

	private final DeliveryProperties properties;

	CampusDistances(Catalog catalog, DeliveryProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	/**
	 * @return the path length between two buildings, in metres
	 */
	double metres(long fromBuildingId, long toBuildingId) {
		if (fromBuildingId == toBuildingId) {
			return 0;
		}
		Map<Long, BuildingPosition> buildings = this.catalog.buildings();
		BuildingPosition from = buildings.get(fromBuildingId);
		BuildingPosition to = buildings.get(toBuildingId);
		if (from == null || to == null) {
			throw new IllegalArgumentException("Unknown building " + ((from == null) ? fromBuildingId : toBuildingId));
		}
		return from.straightLineTo(to) * this.properties.detourFactor();
	}

	Duration travel(long fromBuildingId, long toBuildingId) {
		return Duration
			.ofMillis(Math.round(metres(fromBuildingId, toBuildingId) / this.properties.metresPerSecond() * 1000));
	}

	boolean knows(long buildingId) {
		return this.catalog.buildings().containsKey(buildingId);
	}

}
