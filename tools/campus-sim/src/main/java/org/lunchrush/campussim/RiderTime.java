package org.lunchrush.campussim;

import java.time.Duration;

/**
 * Where the riders' time went in a run, summed over all riders: what the rider-work bound
 * counts (service, stop overheads, riding with food) and what it leaves out (riding
 * empty, waiting at a stall for food). The rest of the rider-hours is idle time.
 *
 * @param ridingWithFood riding while the bag holds at least one order
 * @param ridingEmpty riding with an empty bag, to a stall
 * @param stopOverhead parking and walking in at each new building
 * @param service time per order at the counter and at the shelf
 * @param waitingForFood at a stall before the food is ready
 */
record RiderTime(Duration ridingWithFood, Duration ridingEmpty, Duration stopOverhead, Duration service,
		Duration waitingForFood) {

	static final RiderTime NONE = new RiderTime(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
			Duration.ZERO);

	/**
	 * @param ride riding time of one leg, without the stop overhead
	 * @param loaded whether the bag held food on that leg
	 */
	RiderTime plus(Duration ride, boolean loaded, Duration overhead, Duration serving, Duration waiting) {
		return new RiderTime(loaded ? this.ridingWithFood.plus(ride) : this.ridingWithFood,
				loaded ? this.ridingEmpty : this.ridingEmpty.plus(ride), this.stopOverhead.plus(overhead),
				this.service.plus(serving), this.waitingForFood.plus(waiting));
	}

	Duration busy() {
		return this.ridingWithFood.plus(this.ridingEmpty)
			.plus(this.stopOverhead)
			.plus(this.service)
			.plus(this.waitingForFood);
	}

}
