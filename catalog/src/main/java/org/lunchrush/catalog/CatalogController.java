package org.lunchrush.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.lunchrush.inventory.Inventory;
import org.lunchrush.kernel.CampusTime;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What students browse: the campus, its merchants and their menus with live stock.
 */
@RestController
class CatalogController {

	private final CatalogStore store;

	private final Catalog catalog;

	private final Inventory inventory;

	private final CampusTime time;

	private final MerchantRatings ratings;

	CatalogController(CatalogStore store, Catalog catalog, Inventory inventory, CampusTime time,
			MerchantRatings ratings) {
		this.ratings = ratings;
		this.store = store;
		this.catalog = catalog;
		this.inventory = inventory;
		this.time = time;
	}

	@GetMapping("/api/v1/campus")
	CampusView campus() {
		CatalogStore.CampusRow campus = this.store.campus()
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("resource", "campus")));
		List<BuildingView> buildings = this.store.buildings(campus.id())
			.stream()
			.map((b) -> new BuildingView(b.id(), b.name(), b.kind(), b.xMetres(), b.yMetres()))
			.toList();
		return new CampusView(campus.id(), campus.name(), buildings);
	}

	@GetMapping("/api/v1/merchants")
	List<MerchantView> merchants() {
		LocalTime now = this.time.localNow().toLocalTime();
		Map<Long, MerchantRatings.Summary> rated = this.ratings.summaries();
		return this.store.merchantIds().stream().flatMap((id) -> this.catalog.merchant(id).stream()).map((m) -> {
			MerchantRatings.Summary rating = rated.getOrDefault(m.id(), MerchantRatings.Summary.NONE);
			return new MerchantView(m.id(), m.name(), m.buildingId(), m.isOpenAt(now), m.openingHours().toString(),
					m.settings().busy(), m.preparationMinutes(), m.deliveryBuildingIds().stream().sorted().toList(),
					rating.average().orElse(null), rating.count());
		}).toList();
	}

	@GetMapping("/api/v1/merchants/{merchantId}/menu")
	List<MenuItemView> menu(@PathVariable long merchantId) {
		MerchantSnapshot merchant = this.catalog.merchant(merchantId)
			.orElseThrow(() -> new LunchrushException(ErrorCode.NOT_FOUND, Map.of("merchantId", merchantId)));
		LocalDate today = this.time.today();
		Map<Long, Integer> left = this.inventory.stockLeft(merchantId, today);
		return merchant.menu().stream().map((item) -> {
			int stock = left.getOrDefault(item.id(), 0);
			return new MenuItemView(item.id(), item.name(), item.priceCents(), item.onSale() && stock > 0, stock,
					item.onSale(), item.category(),
					item.pictureVersion().map((version) -> ItemPictures.url(item.id(), version)).orElse(null));
		}).toList();
	}

	record CampusView(long id, String name, List<BuildingView> buildings) {
	}

	/**
	 * A building and where it stands on the campus plan, in metres from the plan's origin
	 * (the same coordinates the dispatcher measures distances from), for a map drawn
	 * without tiles.
	 */
	record BuildingView(long id, String name, String kind, int xMetres, int yMetres) {
	}

	/**
	 * @param ratingAverage the students' average stars to one decimal, {@code null}
	 * before the first rating
	 * @param ratingCount how many orders were rated
	 */
	record MerchantView(long id, String name, long buildingId, boolean open, String openingHours, boolean busy,
			int preparationMinutes, List<Long> deliveryBuildingIds, BigDecimal ratingAverage, int ratingCount) {
	}

	/**
	 * @param pictureUrl a versioned URL (cacheable for good), {@code null} without a
	 * picture
	 */
	record MenuItemView(long itemId, String name, int priceCents, boolean available, int stockLeft, boolean onSale,
			String category, String pictureUrl) {
	}

}
