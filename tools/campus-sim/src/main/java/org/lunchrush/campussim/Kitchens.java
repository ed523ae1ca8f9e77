package org.lunchrush.campussim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The campus's stall kitchens together: turns the students' orders into the orders the
 * simulation carries, each with its quote, its real ready time and its promise.
 */
final class Kitchens {

	private Kitchens() {
	}

	/**
	 * @param placed the orders, in order of time
	 * @param promise how long after the quoted ready time the hand-over is promised
	 */
	static List<SimOrder> cook(List<Demand.PlacedOrder> placed, Duration promise, Kitchen.Noise noise,
			SplittableRandom random) {
		Map<SimCampus.Stall, Kitchen> kitchens = new HashMap<>();
		List<SimOrder> orders = new ArrayList<>(placed.size());
		for (Demand.PlacedOrder order : placed) {
			Kitchen kitchen = kitchens.computeIfAbsent(order.stall(),
					(stall) -> new Kitchen(stall.kitchen(), noise, random.split()));
			Kitchen.Cooked cooked = kitchen.accept(order.placedAt());
			orders.add(new SimOrder(order.orderId(), order.placedAt(), order.stall().name(), order.stall().buildingId(),
					order.dormId(), cooked.quoted(), cooked.ready(), cooked.quoted().plus(promise)));
		}
		return orders;
	}

}
