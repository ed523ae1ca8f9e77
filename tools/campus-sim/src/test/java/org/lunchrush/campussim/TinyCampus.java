package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.lunchrush.dispatch.Campus;
import org.lunchrush.dispatch.Campus.Point;

/**
 * A campus on a line, for timings worked out by hand: a canteen at 0 m, dorms at 400 m
 * and 1,000 m. At 4 m/s without detour a metre takes 250 ms; a new building costs 30 s, a
 * pickup 20 s, a hand-over 10 s.
 */
final class TinyCampus {

	static final long CANTEEN = 1;

	static final long NEAR_DORM = 2;

	static final long FAR_DORM = 3;

	static final Campus CAMPUS = new Campus(
			Map.of(CANTEEN, new Point(0, 0), NEAR_DORM, new Point(400, 0), FAR_DORM, new Point(1000, 0)), 1.0, 4.0,
			Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(10));

	static final Simulation.Settings SETTINGS = new Simulation.Settings(at("11:45:00"), Duration.ofSeconds(15),
			Duration.ofMinutes(10), Duration.ofHours(6));

	private TinyCampus() {
	}

	static Instant at(String time) {
		return CampusClock.at(LocalTime.parse(time));
	}

	/** An order from the canteen, promised 30 minutes after the quote. */
	static SimOrder order(long id, String placed, long dorm, String quoted, String ready) {
		return new SimOrder(id, at(placed), "stall", CANTEEN, dorm, at(quoted), at(ready),
				at(quoted).plus(Duration.ofMinutes(30)));
	}

	static Simulation simulation(List<SimOrder> orders, List<Simulation.RiderStart> riders) {
		return new Simulation(CAMPUS, Map.of(), orders, riders, SETTINGS);
	}

	static Simulation.RiderStart rider(long id, long building, int capacity) {
		return new Simulation.RiderStart(id, building, capacity);
	}

}
