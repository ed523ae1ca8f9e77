package org.lunchrush.dispatch;

import java.time.Duration;
import java.util.Map;

import org.lunchrush.dispatch.Campus.Point;

/**
 * A small campus on a line: a canteen at 0 m, dorms at 400 m and 1,000 m, a gate at -200
 * m. At 4 m/s with a detour factor of 1, one metre takes 250 ms; each new building costs
 * 30 s to park and walk in, each pickup 20 s and each hand-over 10 s.
 */
final class CampusFixture {

	static final long CANTEEN = 1;

	static final long NEAR_DORM = 2;

	static final long FAR_DORM = 3;

	static final long GATE = 4;

	static final Campus CAMPUS = new Campus(
			Map.of(CANTEEN, new Point(0, 0), NEAR_DORM, new Point(400, 0), FAR_DORM, new Point(1000, 0), GATE,
					new Point(-200, 0)),
			1.0, 4.0, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(10));

	private CampusFixture() {
	}

}
