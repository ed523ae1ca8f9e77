package org.lunchrush.ordering.events;

import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.ordering.OrderStatusChanged;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusMetersTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final OrderStatusMeters meters = new OrderStatusMeters(this.registry);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	private double transitionsTo(String status) {
		return this.registry.get("lunchrush.orders.transitions").tag("to", status).counter().count();
	}

	private static OrderStatusChanged change(String from, String to) {
		return OrderStatusChanged.of(1L, 2L, 3L, 4L, from, to, Instant.parse("2026-12-06T04:00:00Z"), "");
	}

	@Test
	void everyStatusAnEventLeadsToIsCountedFromZero() {
		assertThat(this.registry.get("lunchrush.orders.transitions").counters())
			.extracting((counter) -> counter.getId().getTag("to"))
			.containsExactlyInAnyOrder("PAID", "ACCEPTED", "READY", "PICKED_UP", "DELIVERED", "CANCELLED", "REFUNDED");
		assertThat(transitionsTo("PAID")).isZero();
	}

	@Test
	void countsAChangeOnlyOnceItsTransactionCommits() {
		TransactionSynchronizationManager.initSynchronization();

		this.meters.on(change("PENDING_PAYMENT", "PAID"));
		assertThat(transitionsTo("PAID")).as("not committed yet").isZero();

		TransactionSynchronizationUtils.triggerAfterCommit();
		assertThat(transitionsTo("PAID")).isEqualTo(1);
		assertThat(transitionsTo("CANCELLED")).isZero();
	}

	@Test
	void aRolledBackChangeIsNotCounted() {
		TransactionSynchronizationManager.initSynchronization();

		this.meters.on(change("PAID", "ACCEPTED"));
		TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);

		assertThat(transitionsTo("ACCEPTED")).isZero();
	}

	@Test
	void aChangeOutsideATransactionIsCountedAtOnce() {
		this.meters.on(change("READY", "CANCELLED"));

		assertThat(transitionsTo("CANCELLED")).isEqualTo(1);
	}

}
