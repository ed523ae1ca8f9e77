package org.lunchrush.delivery.core;

import java.time.Instant;
import java.util.List;

import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.kernel.CampusTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A dispatch round, every {@code lunchrush.delivery.round-interval}: the tasks waiting
 * for a rider whose food is ready or due within the lookahead go to riders on shift, as
 * the strategy decides. Each assignment is a guarded update, so a task changed meanwhile
 * (a cancellation, a rider who took it) is skipped.
 */
@Component
class DispatchRound {

	private static final Logger log = LoggerFactory.getLogger(DispatchRound.class);

	private final DeliveryStore store;

	private final DispatchStrategy strategy;

	private final CampusTime time;

	private final DeliveryProperties properties;

	DispatchRound(DeliveryStore store, DispatchStrategy strategy, CampusTime time, DeliveryProperties properties) {
		this.store = store;
		this.strategy = strategy;
		this.time = time;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${lunchrush.delivery.round-interval:15s}")
	void run() {
		Instant now = this.time.now();
		List<Task> waiting = this.store.waiting(now.plus(this.properties.lookahead()));
		if (waiting.isEmpty()) {
			return;
		}
		List<DeliveryStore.RiderLoad> riders = this.store.ridersOnShift();
		if (riders.isEmpty()) {
			return;
		}
		int assigned = 0;
		for (DispatchStrategy.Assignment assignment : this.strategy.assign(waiting, riders, now)) {
			if (this.store.assign(assignment.orderId(), assignment.riderId())) {
				assigned++;
			}
		}
		log.info("Dispatch round: {} of {} waiting tasks given to {} riders on shift", assigned, waiting.size(),
				riders.size());
	}

}
