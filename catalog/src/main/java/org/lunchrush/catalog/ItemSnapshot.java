package org.lunchrush.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A menu item as the order path prices it and the menu shows it.
 *
 * @param category the menu section the merchant put it in (招牌, 主食, 饮品, …)
 * @param pictureVersion a short hash of its picture's bytes, empty without a picture: a
 * new picture has a new version, so that a picture's URL can be cached for good
 */
public record ItemSnapshot(long id, String name, int priceCents, boolean onSale, String category,
		Optional<String> pictureVersion) {

	public ItemSnapshot {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(pictureVersion, "pictureVersion");
	}

	/**
	 * An item in the category {@value CatalogSetup#DEFAULT_CATEGORY}, without a picture.
	 */
	public ItemSnapshot(long id, String name, int priceCents, boolean onSale) {
		this(id, name, priceCents, onSale, CatalogSetup.DEFAULT_CATEGORY, Optional.empty());
	}

}
