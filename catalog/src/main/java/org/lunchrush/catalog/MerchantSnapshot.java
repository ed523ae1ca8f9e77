package org.lunchrush.catalog;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable view of one merchant, its menu (in menu order), its delivery zone and its
 * settings.
 */
public record MerchantSnapshot(long id, String name, long buildingId, OpeningHours openingHours,
		Set<Long> deliveryBuildingIds, List<ItemSnapshot> menu, Map<Long, ItemSnapshot> items,
		MerchantSettings settings) {

	/**
	 * Minutes a merchant takes to prepare an order, and what the busy flag adds.
	 */
	public static final int PREPARATION_MINUTES = 10;

	public static final int BUSY_EXTRA_MINUTES = 15;

	public MerchantSnapshot(long id, String name, long buildingId, OpeningHours openingHours,
			Set<Long> deliveryBuildingIds, List<ItemSnapshot> menu) {
		this(id, name, buildingId, openingHours, deliveryBuildingIds, menu, MerchantSettings.DEFAULT);
	}

	public MerchantSnapshot(long id, String name, long buildingId, OpeningHours openingHours,
			Set<Long> deliveryBuildingIds, List<ItemSnapshot> menu, MerchantSettings settings) {
		this(id, name, buildingId, openingHours, Set.copyOf(deliveryBuildingIds), List.copyOf(menu),
				Map.copyOf(menu.stream().collect(Collectors.toMap(ItemSnapshot::id, (i) -> i))), settings);
	}

	/**
	 * How the merchant runs its stall.
	 *
	 * @param autoAccept paid orders are accepted without the merchant tapping 接单
	 * @param busy the kitchen is swamped: students are promised a later time
	 */
	public record MerchantSettings(boolean autoAccept, boolean busy) {

		public static final MerchantSettings DEFAULT = new MerchantSettings(false, false);

	}

	/**
	 * @return minutes from payment to ready that students are promised
	 */
	public int preparationMinutes() {
		return PREPARATION_MINUTES + (this.settings.busy() ? BUSY_EXTRA_MINUTES : 0);
	}

	public boolean isOpenAt(LocalTime time) {
		return this.openingHours.isOpenAt(time);
	}

	public boolean deliversTo(long buildingId) {
		return this.deliveryBuildingIds.contains(buildingId);
	}

	public Optional<ItemSnapshot> item(long itemId) {
		return Optional.ofNullable(this.items.get(itemId));
	}

}
