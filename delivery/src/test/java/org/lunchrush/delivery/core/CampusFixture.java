package org.lunchrush.delivery.core;

import java.util.Map;
import java.util.Optional;

import org.lunchrush.catalog.BuildingPosition;
import org.lunchrush.catalog.Catalog;
import org.lunchrush.catalog.MerchantSnapshot;
import org.lunchrush.delivery.DeliveryProperties;

/**
 * A small campus on a line: a canteen at 0 m, dorms at 400 m and 1,000 m, a gate at -200
 * m. At 4 m/s with a detour factor of 1, one metre takes 250 ms.
 */
final class CampusFixture {

	static final long CANTEEN = 1;

	static final long NEAR_DORM = 2;

	static final long FAR_DORM = 3;

	static final long GATE = 4;

	static final DeliveryProperties PROPERTIES = new DeliveryProperties(null, null, null, 4.0, 1.0, null, null);

	private CampusFixture() {
	}

	static CampusDistances distances() {
		Map<Long, BuildingPosition> buildings = Map.of(CANTEEN, new BuildingPosition(CANTEEN, 0, 0), NEAR_DORM,
				new BuildingPosition(NEAR_DORM, 400, 0), FAR_DORM, new BuildingPosition(FAR_DORM, 1000, 0), GATE,
				new BuildingPosition(GATE, -200, 0));
		Catalog catalog = new Catalog() {

			@Override
			public Optional<MerchantSnapshot> merchant(long merchantId) {
				return Optional.empty();
			}

			@Override
			public Map<Long, BuildingPosition> buildings() {
				return buildings;
			}

		};
		return new CampusDistances(catalog, PROPERTIES);
	}

}
