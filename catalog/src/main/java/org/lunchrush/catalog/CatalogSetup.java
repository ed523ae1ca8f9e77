package org.lunchrush.catalog;

import java.util.Set;

/**
 * Creates campuses, buildings, merchants and menu items (operators, and the demo campus).
 * Every change publishes {@link CatalogChanged}.
 */
public interface CatalogSetup {

	boolean hasCampus();

	long createCampus(String name, String timeZone);

	long addBuilding(long campusId, String name, BuildingKind kind, int xMetres, int yMetres);

	long addMerchant(long campusId, long buildingId, String name, MerchantKind kind, OpeningHours hours,
			Set<Long> deliveryBuildingIds);

	long addItem(long merchantId, String name, int priceCents);

	enum BuildingKind {

		DORM, CANTEEN, TEACHING, LIBRARY, GATE

	}

	enum MerchantKind {

		CANTEEN_STALL, SHOP

	}

}
