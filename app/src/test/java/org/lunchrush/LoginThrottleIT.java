package org.lunchrush;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lunchrush.edge.Accounts;
import org.lunchrush.edge.Accounts.NewAccount;
import org.lunchrush.kernel.Role;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Password guessing is throttled per account and, more loosely, per client IP (the tests
 * allow 3 failures per account and 10 per IP, then lock for 2 s, 4 s, 8 s at most; the
 * test platform trusts 127.0.0.1 as a proxy, so each test picks its clients' addresses
 * with {@code X-Forwarded-For}). Every test has fresh accounts and addresses of its own.
 */
class LoginThrottleIT extends IntegrationTest {

	private static final String PASSWORD = "correct-horse-battery";

	@Autowired
	private Accounts accounts;

	@Test
	void anAttackerHammeringOneStudentLocksOnlyThatStudentAndTheStudentGetsInAfterTheBackoff() {
		String victim = freshStudent();
		String neighbour = freshStudent();
		String dorm = freshAddress();

		List<Integer> statuses = new ArrayList<>();
		Response throttled = null;
		for (int i = 0; i < 40; i++) {
			Response answer = login(victim, "guess-" + i, dorm);
			statuses.add(answer.status());
			if (answer.status() == 429) {
				throttled = answer;
			}
		}
		Response victimMeanwhile = login(victim, PASSWORD, dorm);

		assertThat(statuses.subList(0, 2)).as("the first failures are just wrong passwords").containsOnly(401);
		assertThat(statuses.subList(2, 40))
			.as("from the third failure on, every answer is a lock: locked, the password is not even checked")
			.containsOnly(429);
		assertThat(throttled.code()).isEqualTo("LOGIN_THROTTLED");
		assertThat(throttled.body().path("message").asString()).isEqualTo("登录尝试过于频繁，请稍后再试");
		assertThat(retryAfter(throttled)).isBetween(1, 8);
		assertThat(victimMeanwhile.status()).as("even the right password waits out the lock").isEqualTo(429);

		Response neighbourLogin = login(neighbour, PASSWORD, dorm);
		assertThat(neighbourLogin.status()).as("another student behind the same address logs in").isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			Response answer = login(victim, PASSWORD, dorm);
			assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
		});
	}

	@Test
	void theLockDoublesWithEachFurtherFailure() throws InterruptedException {
		String victim = freshStudent();
		String address = freshAddress();
		login(victim, "guess-1", address);
		login(victim, "guess-2", address);

		Response first = login(victim, "guess-3", address);
		Thread.sleep(retryAfter(first) * 1000L + 300);
		Response second = login(victim, "guess-4", address);
		Thread.sleep(retryAfter(second) * 1000L + 300);
		Response third = login(victim, "guess-5", address);
		Thread.sleep(retryAfter(third) * 1000L + 300);
		Response fourth = login(victim, "guess-6", address);

		assertThat(List.of(first, second, third, fourth)).extracting(Response::status).containsOnly(429);
		assertThat(List.of(first, second, third, fourth)).extracting(LoginThrottleIT::retryAfter)
			.as("2 s, then twice as long each time, up to the 8 s cap")
			.containsExactly(2, 4, 8, 8);
	}

	@Test
	void aSuccessfulLoginClearsTheAccountsFailures() {
		String student = freshStudent();
		String address = freshAddress();

		assertThat(login(student, "typo-1", address).status()).isEqualTo(401);
		assertThat(login(student, "typo-2", address).status()).isEqualTo(401);
		assertThat(login(student, PASSWORD, address).status()).isEqualTo(200);

		assertThat(login(student, "typo-3", address).status()).as("the count started again").isEqualTo(401);
		assertThat(login(student, "typo-4", address).status()).isEqualTo(401);
		assertThat(login(student, PASSWORD, address).status()).isEqualTo(200);
	}

	@Test
	void oneAddressGuessingAcrossManyAccountsIsLockedWhileOtherAddressesAreNot() {
		String sprayer = freshAddress();
		String elsewhere = freshAddress();
		String student = freshStudent();

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			// One guess per account: no account's own allowance is ever used up.
			statuses.add(login("nobody-" + UUID.randomUUID(), "guess", sprayer).status());
		}
		Response fromSprayer = login(student, PASSWORD, sprayer);
		Response fromElsewhere = login(student, PASSWORD, elsewhere);

		assertThat(statuses.subList(0, 9)).containsOnly(401);
		assertThat(statuses.get(9)).as("the tenth failure from one address locks it").isEqualTo(429);
		assertThat(fromSprayer.status()).isEqualTo(429);
		assertThat(fromSprayer.body().path("details").path("scope").asString()).isEqualTo("ip");
		assertThat(fromElsewhere.status()).isEqualTo(200);
	}

	private Response login(String username, String password, String clientAddress) {
		return api().post("/api/v1/auth/login", null, Map.of("username", username, "password", password),
				"X-Forwarded-For", clientAddress);
	}

	private String freshStudent() {
		String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts
			.registerAll(List.of(new NewAccount(username, PASSWORD, Role.STUDENT, OptionalLong.empty(), false)));
		return username;
	}

	/**
	 * @return a private address, most likely one no other test uses
	 */
	private static String freshAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	private static int retryAfter(Response answer) {
		return Integer.parseInt(answer.raw().headers().firstValue("Retry-After").orElse("0"));
	}

}
