package org.lunchrush.routing;

import java.util.List;

/**
 * A route to start the search from, usually the plan of the previous dispatch round with
 * the stops already made left out. Starting there keeps the riders' plans stable between
 * rounds and gives the search a good plan at once.
 * <p>
 * The solver takes it as a wish, not a constraint: it keeps the stops in the given order
 * and sends to the bank, to be placed again, every request whose stops cannot stay where
 * they are (unknown id, named twice, pickup after delivery or missing, pinned to another
 * vehicle, over capacity, or a window that can no longer be met there); the requests of a
 * route for an unknown vehicle, or of a second route for the same vehicle, go there too.
 * The pickup of an {@linkplain Request#onBoard on-board} request may be left out: it is
 * put at the front.
 *
 * @param vehicleId the {@link Vehicle#id()} driving it
 * @param stops stops in visiting order
 */
public record InitialRoute(int vehicleId, List<StopRef> stops) {

	public InitialRoute {
		stops = List.copyOf(stops);
	}

	/**
	 * The stops of a solved route, to carry into the next solver call.
	 * @param route a route of an earlier solution
	 * @return the same vehicle and stops
	 */
	public static InitialRoute of(Route route) {
		return new InitialRoute(route.vehicle().id(),
				route.stops().stream().map(s -> new StopRef(s.request().id(), s.kind())).toList());
	}

}
