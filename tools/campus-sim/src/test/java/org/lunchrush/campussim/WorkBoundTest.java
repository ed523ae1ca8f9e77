package org.lunchrush.campussim;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lunchrush.campussim.TinyCampus.CAMPUS;
import static org.lunchrush.campussim.TinyCampus.FAR_DORM;
import static org.lunchrush.campussim.TinyCampus.NEAR_DORM;
import static org.lunchrush.campussim.TinyCampus.at;
import static org.lunchrush.campussim.TinyCampus.order;

class WorkBoundTest {

	private final List<SimOrder> twoToTheNearDorm = List.of(order(1, "11:50:00", NEAR_DORM, "11:55:00", "11:55:00"),
			order(2, "11:50:00", NEAR_DORM, "11:55:00", "11:55:00"));

	@Test
	void addsServiceTheFewestVisitsAndRidingWithFullBags() {
		// 2 × (20 s + 10 s); one visit to the canteen and one to the dorm, the first
		// free for the one rider; 800 m carried in bags of 8 at 4 m/s; the rider's last
		// bagful need not ride back
		assertThat(WorkBound.of(this.twoToTheNearDorm, CAMPUS, 8, 1)).isEqualTo(
				new WorkBound(Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(25), Duration.ZERO));
		// one order per trip: four visits, 800 m ridden with one order each, and 400 m
		// back to the canteen between them
		assertThat(WorkBound.of(this.twoToTheNearDorm, CAMPUS, 1, 1)).isEqualTo(new WorkBound(Duration.ofSeconds(60),
				Duration.ofSeconds(90), Duration.ofSeconds(200), Duration.ofSeconds(100)));
	}

	@Test
	void ridesBackToTheFoodBetweenBagfuls() {
		// one rider, three bagfuls for the far dorm: 720 s of service; 3 visits each to
		// the canteen and the dorm, less the free one; out three times (750 s) and back
		// twice (500 s). That is exactly what the rider has to do
		List<SimOrder> rush = LongStream.rangeClosed(1, 24)
			.mapToObj((id) -> promisedAt(id, FAR_DORM, "12:12:00"))
			.toList();

		assertThat(WorkBound.of(rush, CAMPUS, 8, 1)).isEqualTo(new WorkBound(Duration.ofSeconds(720),
				Duration.ofSeconds(150), Duration.ofSeconds(750), Duration.ofSeconds(500)));
		// by 12:12 the rider has 1,620 s and a free visit: the path alone (68.75 s an
		// order) would let all 24 through; with the return (100 s an order, one return
		// of 250 s free) 19 at most
		assertThat(WorkBound.mostOnTime(rush, CAMPUS, 8, 1, at("11:45:00"), false)).isEqualTo(19);
	}

	@Test
	void countsTheRidersWhoCouldKeepAShareOfThePromises() {
		// as above: one rider could keep 19 of the 24 (79 %), two all 24
		List<SimOrder> rush = LongStream.rangeClosed(1, 24)
			.mapToObj((id) -> promisedAt(id, FAR_DORM, "12:12:00"))
			.toList();

		assertThat(WorkBound.ridersToKeep(0.75, rush, CAMPUS, 8, at("11:45:00"))).isEqualTo(1);
		assertThat(WorkBound.ridersToKeep(0.80, rush, CAMPUS, 8, at("11:45:00"))).isEqualTo(2);
		assertThat(WorkBound.ridersToKeep(1, rush, CAMPUS, 8, at("11:45:00"))).isEqualTo(2);
	}

	@Test
	void countsTheRidersWhoCouldKeepEveryPromise() {
		// 16 orders to the far dorm promised two minutes after the shift starts: 480 s of
		// service, 500 s of riding, and 2 visits each to the canteen and the dorm beyond
		// the riders' free ones: 8 riders have 960 s, less than 980 s; 9 have enough
		List<SimOrder> rush = LongStream.rangeClosed(1, 16)
			.mapToObj((id) -> new SimOrder(id, at("11:45:00"), "stall", TinyCampus.CANTEEN, FAR_DORM, at("11:45:00"),
					at("11:45:00"), at("11:47:00")))
			.toList();

		assertThat(WorkBound.ridersToKeepEveryPromise(rush, CAMPUS, 8, at("11:45:00"))).isEqualTo(9);
		assertThat(WorkBound.ridersToKeepEveryPromise(Collections.nCopies(1, rush.get(0)), CAMPUS, 8, at("11:45:00")))
			.isEqualTo(1);
		// ideal trips ride the 500 s back empty: 1,480 s, so 12 riders (1,440 s) are
		// short
		assertThat(WorkBound.ridersToKeepEveryPromise(rush, CAMPUS, 8, at("11:45:00"), WorkBound::idealTrips))
			.isEqualTo(13);
	}

	@Test
	void countsTheMostOrdersThatCouldBeOnTime() {
		// each far-dorm order costs 30 s of service, 7.5 s of overhead (2 × 30 s / 8) and
		// 31.25 s of riding (1,000 m / 8 at 4 m/s): 68.75 s; by 11:47 the riders have
		// 120 s each plus a free 30 s visit
		List<SimOrder> rush = LongStream.rangeClosed(1, 16)
			.mapToObj((id) -> promisedAt(id, FAR_DORM, "11:47:00"))
			.toList();

		assertThat(WorkBound.mostOnTime(rush, CAMPUS, 8, 7, at("11:45:00"), false)).isEqualTo(15);
		assertThat(WorkBound.mostOnTime(rush, CAMPUS, 8, 8, at("11:45:00"), false)).isEqualTo(16);
		// riding back empty makes each 100 s: 12 fit in 8 × 150 s
		assertThat(WorkBound.mostOnTime(rush, CAMPUS, 8, 8, at("11:45:00"), true)).isEqualTo(12);
	}

	@Test
	void keepsTheCheaperOrdersWhenNotAllFit() {
		// one rider: a far order (68.75 s) due by 11:46, then near ones (50 s each) due
		// every half minute from 11:47. Dropping the far order when the second near one
		// does not fit leaves room for two more; dropping the newest would keep 3 of 5
		List<SimOrder> rush = List.of(promisedAt(1, FAR_DORM, "11:46:00"), promisedAt(2, NEAR_DORM, "11:47:00"),
				promisedAt(3, NEAR_DORM, "11:47:00"), promisedAt(4, NEAR_DORM, "11:47:30"),
				promisedAt(5, NEAR_DORM, "11:48:00"));

		assertThat(WorkBound.mostOnTime(rush, CAMPUS, 8, 1, at("11:45:00"), false)).isEqualTo(4);
	}

	private static SimOrder promisedAt(long id, long dorm, String promise) {
		return new SimOrder(id, at("11:45:00"), "stall", TinyCampus.CANTEEN, dorm, at("11:45:00"), at("11:45:00"),
				at(promise));
	}

	@Test
	void idealTripsRideEveryBagBackEmpty() {
		// the bound's 60 + 30 + 25 s, and the 25 s back
		assertThat(WorkBound.of(this.twoToTheNearDorm, CAMPUS, 8, 1).idealTrips()).isEqualTo(Duration.ofSeconds(140));
	}

}
