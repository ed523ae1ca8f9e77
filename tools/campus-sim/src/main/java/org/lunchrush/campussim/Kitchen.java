package org.lunchrush.campussim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One stall's kitchen during the rush: orders are accepted at once and prepared first
 * come, first served, on a fixed number of parallel slots.
 * <p>
 * <b>Quote.</b> On acceptance the merchant quotes when the food will be ready from what
 * the kitchen shows at that moment: the orders in preparation end at their start plus the
 * nominal cooking time (or any moment now, if overdue), the queued ones follow at the
 * nominal time each on the first free slot, then this one. That is what the platform's
 * merchant setting (preparation minutes, more when "busy") stands for, computed instead
 * of chosen by hand. The platform's task gets it as {@code expectedReadyAt}.
 * <p>
 * <b>Actual.</b> Each order really takes the nominal time times a log-normal factor of
 * mean 1 ({@link Noise#sigma()}, 0.25 by default: nine orders in ten within about 0.65 to
 * 1.5 times nominal), so the queue drifts from the quote both ways. On top, a share of
 * orders ({@link Noise#lateShare()}, 5 %) sits at the pass for a few more minutes after
 * cooking (a ticket missed, a dish packed late): the slot is free again but the food is
 * not ready. The task becomes {@code ready} when the food actually is.
 */
final class Kitchen {

	private final KitchenProfile profile;

	private final Noise noise;

	private final SplittableRandom random;

	/** When each slot is free of the orders accepted so far. */
	private final PriorityQueue<Instant> slotsFree = new PriorityQueue<>();

	/** The orders accepted and not yet cooked, first come first. */
	private final List<Cooking> kitchen = new ArrayList<>();

	Kitchen(KitchenProfile profile, Noise noise, SplittableRandom random) {
		this.profile = profile;
		this.noise = noise;
		this.random = random;
		for (int i = 0; i < profile.slots(); i++) {
			this.slotsFree.add(Instant.MIN);
		}
	}

	/**
	 * Accepts an order; orders must come in order of time.
	 * @return when the merchant says it will be ready, and when it is
	 */
	Cooked accept(Instant at) {
		// Cooking times vary, so an order can be done before one accepted earlier.
		this.kitchen.removeIf((order) -> !order.done().isAfter(at));
		Instant quoted = quote(at);
		Instant slotFree = this.slotsFree.poll();
		Instant start = slotFree.isAfter(at) ? slotFree : at;
		Instant done = start.plus(cookTime());
		this.slotsFree.add(done);
		this.kitchen.add(new Cooking(start, done));
		Instant ready = done;
		if (this.random.nextDouble() < this.noise.lateShare()) {
			long extra = this.noise.lateExtraMin().toMillis() + (long) (this.random.nextDouble()
					* (this.noise.lateExtraMax().toMillis() - this.noise.lateExtraMin().toMillis()));
			ready = ready.plusMillis(extra);
		}
		return new Cooked(quoted, ready);
	}

	private Instant quote(Instant at) {
		Duration nominal = this.profile.cookTime();
		PriorityQueue<Instant> free = new PriorityQueue<>();
		for (Cooking order : this.kitchen) {
			if (!order.start().isAfter(at)) {
				Instant expected = order.start().plus(nominal);
				free.add(expected.isAfter(at) ? expected : at);
			}
		}
		while (free.size() < this.profile.slots()) {
			free.add(at);
		}
		for (Cooking order : this.kitchen) {
			if (order.start().isAfter(at)) {
				free.add(free.poll().plus(nominal));
			}
		}
		return free.poll().plus(nominal);
	}

	private Duration cookTime() {
		double sigma = this.noise.sigma();
		if (sigma == 0) {
			return this.profile.cookTime();
		}
		double factor = Math.exp(sigma * this.random.nextGaussian() - sigma * sigma / 2);
		return Duration.ofMillis(Math.round(this.profile.cookTime().toMillis() * factor));
	}

	/**
	 * @param quoted the ready time the merchant announced on acceptance
	 * @param ready when the food is actually ready for a rider
	 */
	record Cooked(Instant quoted, Instant ready) {
	}

	private record Cooking(Instant start, Instant done) {
	}

	/**
	 * How real cooking strays from the nominal time.
	 *
	 * @param sigma the log-normal spread of a cooking time around the nominal one (mean
	 * kept at nominal)
	 * @param lateShare the share of orders that sit at the pass after cooking
	 * @param lateExtraMin the least time such an order sits there
	 * @param lateExtraMax the most
	 */
	record Noise(double sigma, double lateShare, Duration lateExtraMin, Duration lateExtraMax) {

		/** 25 % spread; one order in twenty waits 2 to 8 more minutes at the pass. */
		static final Noise DEFAULT = new Noise(0.25, 0.05, Duration.ofMinutes(2), Duration.ofMinutes(8));

		/** Every order takes exactly its nominal time. */
		static final Noise NONE = new Noise(0, 0, Duration.ZERO, Duration.ZERO);

	}

}
