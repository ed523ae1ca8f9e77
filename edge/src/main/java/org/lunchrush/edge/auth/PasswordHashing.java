package org.lunchrush.edge.auth;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashes (BCrypt, about 75 ms of one core each) computed on platform threads of
 * their own, never on the virtual threads requests run on.
 * <p>
 * A virtual thread keeps its carrier until it blocks, and the platform has one carrier
 * per core: two logins hashing at once on two cores held both carriers, and every other
 * request (an order, a menu, a probe) waited for them. Right after a cold start, with 50
 * logins in a burst of 500 requests, that was seconds. On threads of their own the hashes
 * share the cores with the carriers by the operating system's time slices, so other
 * requests go on while logins hash; the login's virtual thread waits for its hash without
 * holding a carrier.
 * <p>
 * At most {@code threads} hashes run at once and {@code waiting} logins wait; a login
 * beyond that is answered {@code 503 BUSY} at once rather than queued for longer than any
 * client waits (a login storm must not take the cores from the orders).
 */
final class PasswordHashing implements PasswordEncoder, DisposableBean {

	private final PasswordEncoder hash;

	private final ThreadPoolExecutor threads;

	PasswordHashing(PasswordEncoder hash, PasswordHashingProperties properties) {
		this.hash = hash;
		this.threads = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.waiting()),
				Thread.ofPlatform().name("password-hash-", 1).daemon().factory());
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return run(() -> this.hash.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return run(() -> this.hash.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.hash.upgradeEncoding(encodedPassword);
	}

	/**
	 * @return the hashes computing now and waiting, for the metrics
	 */
	ThreadPoolExecutor threads() {
		return this.threads;
	}

	private <T> T run(Callable<T> work) {
		Future<T> result;
		try {
			result = this.threads.submit(work);
		}
		catch (RejectedExecutionException ex) {
			throw new LunchrushException(ErrorCode.BUSY);
		}
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a password hash", ex);
		}
		catch (CancellationException ex) {
			// The process is stopping: the login may go to another instance.
			throw new LunchrushException(ErrorCode.BUSY);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Password hash failed", ex.getCause());
		}
	}

	/**
	 * Stops the threads; a login still waiting for one is answered {@code 503 BUSY}
	 * instead of waiting for good.
	 */
	@Override
	public void destroy() {
		for (Runnable waiting : this.threads.shutdownNow()) {
			if (waiting instanceof Future<?> hash) {
				hash.cancel(false);
			}
		}
	}

}
