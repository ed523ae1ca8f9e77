package org.lunchrush.delivery.core;

import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryMetersTest {

	private static final Instant PROMISED = Instant.parse("2026-12-06T04:30:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final DeliveryMeters meters = new DeliveryMeters(this.registry);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	private static Task pickedUpTask() {
		return new Task(7, 1, 10, 20, TaskStatus.PICKED_UP, true, PROMISED.minusSeconds(1800), PROMISED, 3L, 0, 1);
	}

	private double handovers(boolean onTime) {
		return this.registry.get("lunchrush.delivery.handovers")
			.tag("on_time", Boolean.toString(onTime))
			.counter()
			.count();
	}

	@Test
	void foodAtTheDoorByThePromisedTimeIsOnTimeAndAfterItLate() {
		this.meters.handedOver(pickedUpTask(), PROMISED.minusSeconds(60));
		this.meters.handedOver(pickedUpTask(), PROMISED);
		this.meters.handedOver(pickedUpTask(), PROMISED.plusSeconds(1));

		assertThat(handovers(true)).isEqualTo(2);
		assertThat(handovers(false)).isEqualTo(1);
	}

	@Test
	void aHandOverIsCountedOnlyWhenItsTransactionCommits() {
		TransactionSynchronizationManager.initSynchronization();
		this.meters.handedOver(pickedUpTask(), PROMISED);
		TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(handovers(true)).as("rolled back").isZero();
		TransactionSynchronizationManager.clearSynchronization();

		TransactionSynchronizationManager.initSynchronization();
		this.meters.handedOver(pickedUpTask(), PROMISED);
		assertThat(handovers(true)).as("not committed yet").isZero();
		TransactionSynchronizationUtils.triggerAfterCommit();
		assertThat(handovers(true)).isEqualTo(1);
	}

}
