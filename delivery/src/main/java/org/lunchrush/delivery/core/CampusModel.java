package org.lunchrush.delivery.core;

import java.util.HashMap;
import java.util.Map;

import org.lunchrush.catalog.BuildingPosition;
import org.lunchrush.catalog.Catalog;
import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.dispatch.Campus;

import org.springframework.stereotype.Component;

/**
 * The campus dispatch works on: the catalog's buildings with the configured speed, detour
 * factor and service times. Built again only when the catalog's buildings change.
 */
@Component
class CampusModel {

	private final Catalog catalog;

	private final DeliveryProperties properties;

	private volatile Snapshot snapshot;

	CampusModel(Catalog catalog, DeliveryProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
	}

	Campus campus() {
		Map<Long, BuildingPosition> buildings = this.catalog.buildings();
		Snapshot current = this.snapshot;
		if (current == null || current.source() != buildings) {
			Map<Long, Campus.Point> points = new HashMap<>();
			buildings
				.forEach((id, position) -> points.put(id, new Campus.Point(position.xMetres(), position.yMetres())));
			current = new Snapshot(buildings,
					new Campus(points, this.properties.detourFactor(), this.properties.metresPerSecond(),
							this.properties.stopOverhead(), this.properties.pickupService(),
							this.properties.dropoffService()));
			this.snapshot = current;
		}
		return current.campus();
	}

	private record Snapshot(Map<Long, BuildingPosition> source, Campus campus) {
	}

}
