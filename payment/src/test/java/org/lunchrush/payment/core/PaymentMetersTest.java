package org.lunchrush.payment.core;

import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lunchrush.payment.PaymentSucceeded;
import org.lunchrush.payment.RefundSucceeded;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentMetersTest {

	private static final Instant AT = Instant.parse("2026-12-06T04:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final PaymentMeters meters = new PaymentMeters(this.registry);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	private double succeeded(String kind) {
		return this.registry.get("lunchrush.payment.succeeded").tag("kind", kind).counter().count();
	}

	@Test
	void chargesAndRefundsAreCountedApartOnceCommitted() {
		assertThat(succeeded("charge")).isZero();
		assertThat(succeeded("refund")).isZero();
		TransactionSynchronizationManager.initSynchronization();

		this.meters.on(PaymentSucceeded.of(1, 2, "SBX-1", 1300, false, AT));
		this.meters.on(PaymentSucceeded.of(3, 4, "SBX-2", 900, true, AT));
		this.meters.on(RefundSucceeded.of(5, 1, 2, "SBX-1", "R-1", 1300, false, true, AT));
		assertThat(succeeded("charge")).as("not committed yet").isZero();
		TransactionSynchronizationUtils.triggerAfterCommit();

		assertThat(succeeded("charge")).isEqualTo(2);
		assertThat(succeeded("refund")).isEqualTo(1);
	}

	@Test
	void aRolledBackChargeIsNotCounted() {
		TransactionSynchronizationManager.initSynchronization();

		this.meters.on(PaymentSucceeded.of(1, 2, "SBX-1", 1300, false, AT));
		TransactionSynchronizationUtils.triggerAfterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);

		assertThat(succeeded("charge")).isZero();
	}

}
