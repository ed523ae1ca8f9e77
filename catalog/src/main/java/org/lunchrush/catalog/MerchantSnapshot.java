package org.lunchrush.catalog;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable view of one merchant, its menu (in menu order) and its delivery zone.
 */
public record MerchantSnapshot(long id, String name, long buildingId, OpeningHours openingHours,
		Set<Long> deliveryBuildingIds, List<ItemSnapshot> menu, Map<Long, ItemSnapshot> items) {

	public MerchantSnapshot(long id, String name, long buildingId, OpeningHours openingHours,
			Set<Long> deliveryBuildingIds, List<ItemSnapshot> menu) {
		this(id, name, buildingId, openingHours, Set.copyOf(deliveryBuildingIds), List.copyOf(menu),
				Map.copyOf(menu.stream().collect(java.util.stream.Collectors.toMap(ItemSnapshot::id, (i) -> i))));
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
