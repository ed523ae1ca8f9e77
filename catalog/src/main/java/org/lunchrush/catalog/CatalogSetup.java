package org.lunchrush.catalog;

import java.util.Set;

/**
 * Creates campuses, buildings, merchants and menu items (operators, and the demo campus).
 * Every change publishes {@link CatalogChanged}.
 */
public interface CatalogSetup {

	/**
	 * The category of an item nobody gave one.
	 */
	String DEFAULT_CATEGORY = "主食";

	boolean hasCampus();

	long createCampus(String name, String timeZone);

	long addBuilding(long campusId, String name, BuildingKind kind, int xMetres, int yMetres);

	long addMerchant(long campusId, long buildingId, String name, MerchantKind kind, OpeningHours hours,
			Set<Long> deliveryBuildingIds);

	/**
	 * Adds an item in the category {@value #DEFAULT_CATEGORY}.
	 */
	default long addItem(long merchantId, String name, int priceCents) {
		return addItem(merchantId, name, priceCents, DEFAULT_CATEGORY);
	}

	long addItem(long merchantId, String name, int priceCents, String category);

	enum BuildingKind {

		DORM, CANTEEN, TEACHING, LIBRARY, GATE

	}

	enum MerchantKind {

		CANTEEN_STALL, SHOP

	}

}
