package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who orders what, when: the lunch rush after the class break.
 * <p>
 * <b>When.</b> Order times follow a gamma distribution of shape 2 whose scale is a tenth
 * of the window (3 min for the default 30 min from 11:50), cut at the window's end. Shape
 * 2 starts at zero (students need a minute to leave the classroom and open the app),
 * peaks at one scale (11:53 by default), and tails off exponentially (the late class, the
 * student who went back to the dorm first); 85 % of the orders fall in the first third of
 * the window, the "ten minutes after the last morning class" of DESIGN.md. Cutting at the
 * window's end redraws the 0.05 % that fall beyond it.
 * <p>
 * <b>Where from.</b> Every dorm building equally: the demo campus says nothing about dorm
 * sizes, and an equal share keeps each area's load readable.
 * <p>
 * <b>What.</b> A stall by its popularity ({@link KitchenProfile#popularity()}) among the
 * stalls that deliver to the student's building: the shop at the south gate only for its
 * zone.
 * <p>
 * Everything is drawn from the given random source, so one seed gives one rush.
 */
final class Demand {

	/** The gamma distribution's shape: zero density at the break, then a peak. */
	static final int SHAPE = 2;

	/** The window over the scale: the peak comes at a tenth of the window. */
	static final int SCALE_DIVISOR = 10;

	private Demand() {
	}

	/**
	 * @param count how many orders
	 * @param start the class break
	 * @param window how long students order for
	 * @return the orders, by time, numbered from 1
	 */
	static List<PlacedOrder> generate(int count, Instant start, Duration window, SimCampus campus,
			SplittableRandom random) {
		if (count < 0 || !window.isPositive()) {
			throw new IllegalArgumentException("orders must not be negative and the window must be positive");
		}
		long windowMillis = window.toMillis();
		double scale = windowMillis / (double) SCALE_DIVISOR;
		long[] offsets = new long[count];
		for (int i = 0; i < count; i++) {
			long offset;
			do {
				offset = (long) gamma(scale, random);
			}
			while (offset >= windowMillis);
			offsets[i] = offset;
		}
		Arrays.sort(offsets);
		List<PlacedOrder> orders = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long dorm = campus.dorms().get(random.nextInt(campus.dorms().size()));
			SimCampus.Stall stall = stallFor(dorm, campus.stalls(), random);
			orders.add(new PlacedOrder(i + 1, start.plusMillis(offsets[i]), dorm, stall));
		}
		return orders;
	}

	/** A gamma variate of integer shape {@link #SHAPE}: a sum of exponentials. */
	private static double gamma(double scale, SplittableRandom random) {
		double sum = 0;
		for (int k = 0; k < SHAPE; k++) {
			sum -= Math.log(1 - random.nextDouble());
		}
		return sum * scale;
	}

	private static SimCampus.Stall stallFor(long dorm, List<SimCampus.Stall> stalls, SplittableRandom random) {
		List<SimCampus.Stall> open = stalls.stream().filter((stall) -> stall.deliversTo(dorm)).toList();
		int total = open.stream().mapToInt((stall) -> stall.kitchen().popularity()).sum();
		int pick = random.nextInt(total);
		for (SimCampus.Stall stall : open) {
			pick -= stall.kitchen().popularity();
			if (pick < 0) {
				return stall;
			}
		}
		throw new IllegalStateException("no stall delivers to building " + dorm);
	}

	/**
	 * A student's order as placed.
	 *
	 * @param orderId numbered from 1 in order of time
	 * @param placedAt when the student tapped 下单 (and the merchant accepted, at once)
	 * @param dormId where the student lives
	 * @param stall where the food comes from
	 */
	record PlacedOrder(long orderId, Instant placedAt, long dormId, SimCampus.Stall stall) {
	}

}
