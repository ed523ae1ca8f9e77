package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.lunchrush.demo.DemoData;

import static org.assertj.core.api.Assertions.assertThat;

class DemandTest {

	private static final SimCampus CAMPUS = SimCampus.demo(1.3, 4, Duration.ofSeconds(45), Duration.ofSeconds(20),
			Duration.ofSeconds(20));

	private static final Instant BREAK = CampusClock.at(LocalTime.of(11, 50));

	private static final Duration WINDOW = Duration.ofMinutes(30);

	private final List<Demand.PlacedOrder> orders = generate(1);

	@Test
	void placesTheOrdersAskedForWithinTheWindowInOrderOfTime() {
		assertThat(this.orders).hasSize(3000);
		assertThat(this.orders).extracting(Demand.PlacedOrder::orderId).startsWith(1L, 2L).endsWith(3000L);
		assertThat(this.orders)
			.allSatisfy((order) -> assertThat(order.placedAt()).isAfterOrEqualTo(BREAK).isBefore(BREAK.plus(WINDOW)));
		assertThat(this.orders).isSortedAccordingTo((a, b) -> a.placedAt().compareTo(b.placedAt()));
	}

	@Test
	void theSameSeedGivesTheSameRushAndAnotherSeedAnother() {
		assertThat(generate(1)).isEqualTo(this.orders);
		assertThat(generate(2)).isNotEqualTo(this.orders);
	}

	@Test
	void peaksInTheFirstMinutesAfterTheBreakAndTailsOff() {
		Map<Long, Integer> perMinute = new TreeMap<>();
		this.orders.forEach(
				(order) -> perMinute.merge(Duration.between(BREAK, order.placedAt()).toMinutes(), 1, Integer::sum));
		long busiest = perMinute.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		long firstTen = this.orders.stream()
			.filter((order) -> order.placedAt().isBefore(BREAK.plus(Duration.ofMinutes(10))))
			.count();

		// shape 2, scale 3 min: the density peaks at 3 min; 85 % by 10 min
		assertThat(busiest).isBetween(1L, 4L);
		assertThat(perMinute.get(0L)).isLessThan(perMinute.get(busiest) / 2);
		assertThat(perMinute.getOrDefault(25L, 0)).isLessThan(perMinute.get(busiest) / 20);
		assertThat(firstTen).isBetween(2450L, 2600L);
	}

	@Test
	void ordersFromEveryDormAndTheShopOnlyFromItsZone() {
		Set<Long> shopZone = Set.copyOf(
				CAMPUS.stalls().stream().filter((stall) -> !stall.zone().isEmpty()).findFirst().orElseThrow().zone());

		assertThat(this.orders).extracting(Demand.PlacedOrder::dormId).containsAll(CAMPUS.dorms());
		assertThat(this.orders).filteredOn((order) -> order.stall().name().startsWith("南门"))
			.isNotEmpty()
			.allSatisfy((order) -> assertThat(shopZone).contains(order.dormId()));
	}

	@Test
	void everyDemoStallHasAKitchen() {
		assertThat(CAMPUS.stalls()).extracting(SimCampus.Stall::name)
			.containsExactlyElementsOf(DemoData.STALLS.stream().map(DemoData.Stall::name).toList());
	}

	private static List<Demand.PlacedOrder> generate(long seed) {
		return Demand.generate(3000, BREAK, WINDOW, CAMPUS, new SplittableRandom(seed));
	}

}
