package org.lunchrush.campussim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lunchrush.catalog.CatalogSetup.BuildingKind;
import org.lunchrush.catalog.CatalogSetup.MerchantKind;
import org.lunchrush.demo.DemoData;
import org.lunchrush.dispatch.Campus;

/**
 * The demo campus as the simulator rides it: {@link DemoData}'s buildings (numbered 1, 2,
 * … in their order there) with the dispatch metric, the dorms students order from, and
 * the stalls with their kitchens.
 *
 * @param campus where the buildings stand, and the speed and service times
 * @param names each building's name, by id
 * @param dorms the dorm buildings, where every order goes
 * @param canteens the canteen buildings
 * @param stalls the stalls, in {@code DemoData}'s order
 */
record SimCampus(Campus campus, Map<Long, String> names, List<Long> dorms, List<Long> canteens, List<Stall> stalls) {

	SimCampus {
		names = Map.copyOf(names);
		dorms = List.copyOf(dorms);
		canteens = List.copyOf(canteens);
		stalls = List.copyOf(stalls);
	}

	/**
	 * The demo campus with the given metric and service times.
	 * @throws IllegalStateException when a stall of {@code DemoData} has no kitchen
	 * profile
	 */
	static SimCampus demo(double detourFactor, double metresPerSecond, Duration stopOverhead, Duration pickupService,
			Duration dropoffService) {
		Map<Long, Campus.Point> points = new HashMap<>();
		Map<String, Long> ids = new LinkedHashMap<>();
		Map<Long, String> names = new HashMap<>();
		List<Long> dorms = new ArrayList<>();
		List<Long> canteens = new ArrayList<>();
		long id = 1;
		for (DemoData.Building building : DemoData.BUILDINGS) {
			points.put(id, new Campus.Point(building.x(), building.y()));
			ids.put(building.name(), id);
			names.put(id, building.name());
			if (building.kind() == BuildingKind.DORM) {
				dorms.add(id);
			}
			else if (building.kind() == BuildingKind.CANTEEN) {
				canteens.add(id);
			}
			id++;
		}
		Set<Long> shopZone = Set.copyOf(DemoData.SHOP_ZONE.stream().map(ids::get).toList());
		List<Stall> stalls = new ArrayList<>();
		for (DemoData.Stall stall : DemoData.STALLS) {
			KitchenProfile kitchen = KitchenProfile.DEMO.get(stall.name());
			if (kitchen == null) {
				throw new IllegalStateException(
						"No kitchen profile for the demo stall " + stall.name() + ": add one to KitchenProfile.DEMO");
			}
			stalls.add(new Stall(stall.name(), ids.get(stall.building()), kitchen,
					(stall.kind() == MerchantKind.SHOP) ? shopZone : Set.of()));
		}
		return new SimCampus(
				new Campus(points, detourFactor, metresPerSecond, stopOverhead, pickupService, dropoffService), names,
				dorms, canteens, stalls);
	}

	String name(long buildingId) {
		return this.names.getOrDefault(buildingId, "#" + buildingId);
	}

	/**
	 * Where riders go on shift: the canteens and the dorms in turn, so that the first
	 * riders wait beside the food and the others are spread over the dorm areas, as
	 * student riders start from where they live.
	 */
	List<Long> shiftStarts() {
		List<Long> starts = new ArrayList<>(this.canteens);
		starts.addAll(this.dorms);
		return starts;
	}

	/**
	 * A stall on the campus.
	 *
	 * @param name the stall's name
	 * @param buildingId the building it stands in
	 * @param kitchen how it cooks and how popular it is
	 * @param zone the only buildings it delivers to; empty when it delivers everywhere
	 */
	record Stall(String name, long buildingId, KitchenProfile kitchen, Set<Long> zone) {

		Stall {
			zone = Set.copyOf(zone);
		}

		boolean deliversTo(long buildingId) {
			return this.zone.isEmpty() || this.zone.contains(buildingId);
		}

	}

}
