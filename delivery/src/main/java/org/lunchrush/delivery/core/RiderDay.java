package org.lunchrush.delivery.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.lunchrush.dispatch.Campus;

/**
 * A rider's campus day: orders picked up and handed over, and the distance ridden.
 *
 * @param distanceMetres along the route actually done: from where the rider was when the
 * day began (or the day's first shift start) through each pickup and hand-over building
 * in the order they happened, each leg the path length the dispatcher reckons with
 * (straight line times the detour factor); a new shift starts the count from its building
 */
record RiderDay(long riderId, LocalDate day, int deliveredOrders, int pickedUpOrders, long distanceMetres,
		boolean onShift) {

	/**
	 * @param moves the rider's moves of the day in the order they happened, led by those
	 * before the day began (before {@code dayStart}), which only place the rider
	 */
	static RiderDay of(long riderId, LocalDate day, Instant dayStart, List<RiderMove> moves, Campus campus,
			boolean onShift) {
		int delivered = 0;
		int pickedUp = 0;
		double metres = 0;
		Optional<Long> position = Optional.empty();
		for (RiderMove move : moves) {
			boolean today = !move.at().isBefore(dayStart);
			if (today && move.kind() != RiderMove.Kind.SHIFT_START) {
				if (move.kind() == RiderMove.Kind.PICKUP) {
					pickedUp++;
				}
				else {
					delivered++;
				}
				metres += position.filter(campus::knows)
					.filter((from) -> campus.knows(move.buildingId()))
					.map((from) -> campus.metres(from, move.buildingId()))
					.orElse(0.0);
			}
			position = Optional.of(move.buildingId());
		}
		return new RiderDay(riderId, day, delivered, pickedUp, Math.round(metres), onShift);
	}

}
