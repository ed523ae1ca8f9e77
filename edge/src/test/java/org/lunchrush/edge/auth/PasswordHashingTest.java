package org.lunchrush.edge.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashingTest {

	@Test
	void aLoginOnAVirtualThreadHashesOnAPlatformThreadOfThePool() throws Exception {
		Set<Thread> hashedOn = ConcurrentHashMap.newKeySet();
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
		PasswordEncoder recording = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				hashedOn.add(Thread.currentThread());
				return bcrypt.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				hashedOn.add(Thread.currentThread());
				return bcrypt.matches(raw, encoded);
			}
		};
		PasswordHashing hashing = new PasswordHashing(recording, new PasswordHashingProperties(2, 100));
		try (ExecutorService logins = Executors.newVirtualThreadPerTaskExecutor()) {
			String hash = logins.submit(() -> hashing.encode("demo123")).get();
			List<Future<Boolean>> checks = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String password = (i % 2 == 0) ? "demo123" : "wrong" + i;
				checks.add(logins.submit(() -> hashing.matches(password, hash)));
			}
			for (int i = 0; i < 20; i++) {
				assertThat(checks.get(i).get()).as("check %d", i).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			hashing.destroy();
		}
		assertThat(hashedOn).isNotEmpty()
			.hasSizeLessThanOrEqualTo(2)
			.allSatisfy((thread) -> assertThat(thread.isVirtual()).isFalse())
			.allSatisfy((thread) -> assertThat(thread.getName()).startsWith("password-hash-"));
	}

	@Test
	void aLoginBeyondTheWaitingOnesIsRefusedAsBusyAtOnce() throws Exception {
		HeldHash slow = new HeldHash(Duration.ofSeconds(10));
		PasswordHashing hashing = new PasswordHashing(slow, new PasswordHashingProperties(1, 2));
		try (ExecutorService logins = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<String> running = logins.submit(() -> hashing.encode("a"));
			assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();
			Future<Boolean> waiting1 = logins.submit(() -> hashing.matches("b", "hash:b"));
			Future<Boolean> waiting2 = logins.submit(() -> hashing.matches("c", "hash:x"));
			while (hashing.threads().getQueue().size() < 2) {
				Thread.onSpinWait();
			}
			assertThatThrownBy(() -> hashing.matches("d", "hash:d")).isInstanceOfSatisfying(LunchrushException.class,
					(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.BUSY));
			slow.release.countDown();
			assertThat(running.get()).isEqualTo("hash:a");
			assertThat(waiting1.get()).isTrue();
			assertThat(waiting2.get()).isFalse();
			assertThat(hashing.matches("e", "hash:e")).as("a thread free again").isTrue();
		}
		finally {
			hashing.destroy();
		}
	}

	@Test
	void aLoginStillWaitingWhenTheProcessStopsIsAnsweredBusy() throws Exception {
		// Held until the threads stop (they are interrupted).
		HeldHash stuck = new HeldHash(Duration.ofSeconds(30));
		PasswordHashing hashing = new PasswordHashing(stuck, new PasswordHashingProperties(1, 4));
		ExecutorService logins = Executors.newVirtualThreadPerTaskExecutor();
		try {
			logins.submit(() -> hashing.encode("a"));
			assertThat(stuck.started.await(5, TimeUnit.SECONDS)).isTrue();
			Future<Boolean> waiting = logins.submit(() -> hashing.matches("b", "hash:b"));
			while (hashing.threads().getQueue().isEmpty()) {
				Thread.onSpinWait();
			}
			hashing.destroy();
			assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LunchrushException.class)
				.cause()
				.satisfies((ex) -> assertThat(((LunchrushException) ex).code()).isEqualTo(ErrorCode.BUSY));
		}
		finally {
			// Whatever happened, no login of this test waits on.
			logins.shutdownNow();
			hashing.destroy();
		}
	}

	@Test
	void poolSizesOutsideTheirRangeAreRefusedAtStart() {
		assertThatThrownBy(() -> new PasswordHashingProperties(0, 10)).hasMessageContaining("threads is 1 to 64");
		assertThatThrownBy(() -> new PasswordHashingProperties(2, 0)).hasMessageContaining("waiting is 1 to 100000");
		assertThat(new PasswordHashingProperties(null, null).threads())
			.isEqualTo(Runtime.getRuntime().availableProcessors());
	}

	/**
	 * A "hash" of {@code hash:<password>} that holds its thread until released, for at
	 * most {@code longest}, or until the thread is interrupted.
	 */
	private static final class HeldHash implements PasswordEncoder {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		private final Duration longest;

		HeldHash(Duration longest) {
			this.longest = longest;
		}

		@Override
		public String encode(CharSequence raw) {
			this.started.countDown();
			try {
				this.release.await(this.longest.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "hash:" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			return encoded.equals(encode(raw));
		}

	}

}
