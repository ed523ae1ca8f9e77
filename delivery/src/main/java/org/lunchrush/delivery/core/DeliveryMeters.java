package org.lunchrush.delivery.core;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Dispatch kept its word or not: {@code lunchrush.delivery.handovers{on_time}} counts the
 * hand-overs this process committed, {@code on_time=true} for food at the door by the
 * time promised to the student ({@link Task#promisedBy()}), {@code false} after it. The
 * on-time share is {@code true} over both.
 */
@Component
class DeliveryMeters {

	static final String METER = "lunchrush.delivery.handovers";

	private final Counter onTime;

	private final Counter late;

	DeliveryMeters(MeterRegistry meters) {
		this.onTime = counter(meters, true);
		this.late = counter(meters, false);
	}

	private static Counter counter(MeterRegistry meters, boolean onTime) {
		return Counter.builder(METER)
			.description("Orders handed over by riders, on time (by the promised time) or late")
			.tag("on_time", Boolean.toString(onTime))
			.register(meters);
	}

	/**
	 * Counts a hand-over once the caller's transaction commits (at once without one).
	 */
	void handedOver(Task task, Instant at) {
		Counter counter = at.isAfter(task.promisedBy()) ? this.late : this.onTime;
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				counter.increment();
			}
		});
	}

}
