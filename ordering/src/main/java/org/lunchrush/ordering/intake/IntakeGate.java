package org.lunchrush.ordering.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.stereotype.Component;

/**
 * Holds order intake while the live state in Redis is rebuilt, and tells when the orders
 * that got through before are done. Closed until the first rebuild has run.
 * <p>
 * A request counts itself in before it looks at the gate, so once {@link #close()} has
 * returned, every request that saw the gate open is counted, and {@link #awaitDrained}
 * waits for exactly those.
 */
@Component
class IntakeGate {

	private final AtomicInteger inside = new AtomicInteger();

	private volatile boolean open;

	/**
	 * Runs one intake request through the gate.
	 * @throws LunchrushException {@code BUSY} (503) while the gate is closed
	 */
	<T> T pass(Supplier<T> intake) {
		this.inside.incrementAndGet();
		try {
			if (!this.open) {
				throw new LunchrushException(ErrorCode.BUSY, Map.of("reason", "live stock being rebuilt"));
			}
			return intake.get();
		}
		finally {
			this.inside.decrementAndGet();
		}
	}

	boolean isOpen() {
		return this.open;
	}

	void open() {
		this.open = true;
	}

	void close() {
		this.open = false;
	}

	/**
	 * Waits until no request that passed the open gate is still inside.
	 * @return false when some were still inside at the timeout
	 */
	boolean awaitDrained(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.inside.get() > 0) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			Thread.sleep(5);
		}
		return true;
	}

}
