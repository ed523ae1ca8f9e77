package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KitchenTest {

	private static final Instant T0 = CampusClock.at(CampusClock.CLASS_BREAK);

	@Test
	void finishesSlotsOverCookingTimeOrdersAMinuteWhenSwamped() {
		// 4 slots, 2 minutes each: 2 orders a minute; 40 orders at once take 20 minutes
		Kitchen kitchen = kitchen(4, 2, Kitchen.Noise.NONE);
		List<Kitchen.Cooked> cooked = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			cooked.add(kitchen.accept(T0));
		}

		assertThat(cooked.get(0).ready()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
		assertThat(cooked.get(3).ready()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
		assertThat(cooked.get(4).ready()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
		assertThat(cooked.get(39).ready()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
		// without noise the merchant, counting the queue ahead, quotes each one right
		assertThat(cooked).allSatisfy((order) -> assertThat(order.quoted()).isEqualTo(order.ready()));
		assertThat(new KitchenProfile(4, Duration.ofMinutes(2), 1).ordersPerMinute()).isEqualTo(2);
	}

	@Test
	void quotesFromTheQueueAtAcceptanceExactlyWhenCookingKeepsToTime() {
		// one wok, 4 minutes: the order at 1 min waits for the first; the one at 5 min
		// for the second, which started at 4 min
		Kitchen kitchen = kitchen(1, 4, Kitchen.Noise.NONE);

		assertThat(kitchen.accept(T0)).isEqualTo(cooked(4, 4));
		assertThat(kitchen.accept(T0.plus(Duration.ofMinutes(1)))).isEqualTo(cooked(8, 8));
		assertThat(kitchen.accept(T0.plus(Duration.ofMinutes(5)))).isEqualTo(cooked(12, 12));
	}

	@Test
	void realCookingStraysFromTheQuoteBothWaysAroundIt() {
		// one order every 10 minutes on one 4-minute slot: no queue, so the quote is
		// always the nominal time and the difference is the noise alone
		Kitchen kitchen = kitchen(1, 4, new Kitchen.Noise(0.25, 0, Duration.ZERO, Duration.ZERO));
		double[] differences = new double[1000];
		for (int i = 0; i < differences.length; i++) {
			Instant at = T0.plus(Duration.ofMinutes(10L * i));
			Kitchen.Cooked cooked = kitchen.accept(at);
			assertThat(cooked.quoted()).isEqualTo(at.plus(Duration.ofMinutes(4)));
			differences[i] = Duration.between(cooked.quoted(), cooked.ready()).toMillis() / 60_000.0;
		}
		double mean = Arrays.stream(differences).average().orElseThrow();
		long early = Arrays.stream(differences).filter((d) -> d < -0.5).count();
		long late = Arrays.stream(differences).filter((d) -> d > 0.5).count();

		assertThat(mean).isBetween(-0.1, 0.1);
		assertThat(early).isBetween(200L, 400L);
		assertThat(late).isBetween(200L, 400L);
	}

	@Test
	void foodLateAtThePassDoesNotHoldTheSlot() {
		// every order sits 2 to 8 minutes at the pass after its 4 minutes of cooking
		Kitchen kitchen = kitchen(1, 4, new Kitchen.Noise(0, 1, Duration.ofMinutes(2), Duration.ofMinutes(8)));
		Kitchen.Cooked first = kitchen.accept(T0);
		Kitchen.Cooked second = kitchen.accept(T0);

		assertThat(first.quoted()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
		assertThat(first.ready()).isBetween(T0.plus(Duration.ofMinutes(6)), T0.plus(Duration.ofMinutes(12)));
		// the second starts when the first leaves the wok, not when it leaves the pass
		assertThat(second.quoted()).isEqualTo(T0.plus(Duration.ofMinutes(8)));
		assertThat(second.ready()).isBetween(T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(16)));
	}

	@Test
	void theDemoKitchensPrepareAboutFiftyFourOrdersAMinute() {
		double total = KitchenProfile.DEMO.values().stream().mapToDouble(KitchenProfile::ordersPerMinute).sum();

		assertThat(total).isBetween(54.0, 54.5);
	}

	private static Kitchen kitchen(int slots, int minutes, Kitchen.Noise noise) {
		return new Kitchen(new KitchenProfile(slots, Duration.ofMinutes(minutes), 1), noise, new SplittableRandom(1));
	}

	private static Kitchen.Cooked cooked(int quotedMinutes, int readyMinutes) {
		return new Kitchen.Cooked(T0.plus(Duration.ofMinutes(quotedMinutes)),
				T0.plus(Duration.ofMinutes(readyMinutes)));
	}

}
