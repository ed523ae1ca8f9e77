package org.lunchrush;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.lunchrush.edge.Accounts;
import org.lunchrush.edge.Accounts.NewAccount;
import org.lunchrush.kernel.Role;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A token is only as good as its account: logging out, or an operator disabling the
 * account, stops it within seconds, and a well-signed token for an account that does not
 * exist is refused. Each test works on a fresh account of its own, so that no other
 * test's cached session is logged out.
 */
class AccountRevocationIT extends IntegrationTest {

	private static final String PASSWORD = "correct-horse-battery";

	/**
	 * Longer than the account-state TTL of the tests (1 s), short of a user's patience.
	 */
	private static final Duration WITHIN_SECONDS = Duration.ofSeconds(10);

	@Autowired
	private Accounts accounts;

	@Value("${lunchrush.security.jwt-secret}")
	private String jwtSecret;

	private String username;

	@BeforeEach
	void freshStudent() {
		this.username = "revocable-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts
			.registerAll(List.of(new NewAccount(this.username, PASSWORD, Role.STUDENT, OptionalLong.empty(), false)));
	}

	@Nested
	class LoggingOut {

		@Test
		void refusesEveryTokenIssuedBeforeWithinSecondsAndLetsTheStudentLogInAgain() {
			Session phone = logIn();
			Session laptop = logIn();
			assertThat(merchants(phone).status()).isEqualTo(200);

			Response logout = api().post("/api/v1/auth/logout", phone, Map.of());
			assertThat(logout.status()).as(logout.raw().body()).isEqualTo(204);

			await().atMost(WITHIN_SECONDS).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				assertThat(merchants(phone).status()).isEqualTo(401);
				assertThat(merchants(laptop).status()).as("logging out signs out every device").isEqualTo(401);
			});
			assertThat(merchants(phone).code()).isEqualTo("UNAUTHENTICATED");
			assertThat(api().post("/api/v1/auth/logout", phone, Map.of()).status())
				.as("a logged-out token cannot log out again")
				.isEqualTo(401);

			Session again = logIn();
			assertThat(merchants(again).status()).as("a token issued after logging out works").isEqualTo(200);
		}

		@Test
		void needsAToken() {
			assertThat(api().post("/api/v1/auth/logout", null, Map.of()).status()).isEqualTo(401);
		}

	}

	@Nested
	class AnOperator {

		@Test
		void disablesAnAccountWhoseTokenAndLoginAreRefusedUntilItIsEnabledAgain() {
			Session student = logIn();
			Session admin = api().login("admin");
			assertThat(merchants(student).status()).isEqualTo(200);

			Response disabled = api().post("/api/v1/admin/accounts/" + student.userId() + "/disable", admin, Map.of());
			assertThat(disabled.status()).as(disabled.raw().body()).isEqualTo(200);
			assertThat(disabled.body().path("enabled").asBoolean()).isFalse();
			assertThat(disabled.body().path("username").asString()).isEqualTo(AccountRevocationIT.this.username);

			await().atMost(WITHIN_SECONDS)
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(merchants(student).status()).isEqualTo(401));
			Response login = login(PASSWORD);
			assertThat(login.status()).as(login.raw().body()).isEqualTo(403);
			assertThat(login.body().path("details").path("reason").asString()).isEqualTo("account disabled");
			assertThat(login(PASSWORD + "x").status()).as("a wrong password says nothing more").isEqualTo(401);

			Response enabled = api().post("/api/v1/admin/accounts/" + student.userId() + "/enable", admin, Map.of());
			assertThat(enabled.status()).as(enabled.raw().body()).isEqualTo(200);
			assertThat(enabled.body().path("enabled").asBoolean()).isTrue();

			await().atMost(WITHIN_SECONDS)
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(merchants(student).status()).isEqualTo(200));
			assertThat(login(PASSWORD).status()).isEqualTo(200);
		}

		@Test
		void cannotDisableThemselves() {
			Session admin = api().login("admin");

			Response refused = api().post("/api/v1/admin/accounts/" + admin.userId() + "/disable", admin, Map.of());

			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.code()).isEqualTo("FORBIDDEN");
			assertThat(merchants(admin).status()).as("the operator is still in").isEqualTo(200);
		}

		@Test
		void isToldNotFoundForAnIdThatNamesNoAccount() {
			Session admin = api().login("admin");
			long nobody = count("select coalesce(max(id), 0) + 1000000 from edge.account");

			Response disable = api().post("/api/v1/admin/accounts/" + nobody + "/disable", admin, Map.of());
			Response enable = api().post("/api/v1/admin/accounts/" + nobody + "/enable", admin, Map.of());

			assertThat(disable.status()).isEqualTo(404);
			assertThat(disable.code()).isEqualTo("NOT_FOUND");
			assertThat(enable.status()).isEqualTo(404);
		}

		@Test
		void isTheOnlyOneWhoMay() {
			Session student = logIn();
			Session other = student(2);

			Response refused = api().post("/api/v1/admin/accounts/" + other.userId() + "/disable", student, Map.of());

			assertThat(refused.status()).isEqualTo(403);
			assertThat(merchants(other).status()).isEqualTo(200);
		}

	}

	@Test
	void refusesAWellSignedTokenForAnAccountThatDoesNotExist() {
		Session student = logIn();
		long nobody = count("select coalesce(max(id), 0) + 1000000 from edge.account");

		Session forExisting = minted(student.userId());
		Session forNobody = minted(nobody);

		assertThat(merchants(forExisting).status()).as("the minted token is otherwise valid").isEqualTo(200);
		Response refused = merchants(forNobody);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
	}

	private Response merchants(Session session) {
		return api().get("/api/v1/merchants", session);
	}

	private Response login(String password) {
		return api().post("/api/v1/auth/login", null, Map.of("username", this.username, "password", password));
	}

	private Session logIn() {
		Response answer = login(PASSWORD);
		assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
		return new Session(this.username, answer.body().path("token").asString(), answer.body().path("userId").asLong(),
				answer.body());
	}

	/**
	 * A token signed with the platform's own key, as a leaked key or a deleted account
	 * would leave one.
	 */
	private Session minted(long accountId) {
		var key = new SecretKeySpec(this.jwtSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("lunchrush")
			.subject(Long.toString(accountId))
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofHours(1)))
			.claim("role", Role.STUDENT.name())
			.claim("vip", false)
			.build();
		String token = NimbusJwtEncoder.withSecretKey(key)
			.algorithm(MacAlgorithm.HS256)
			.build()
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return new Session("minted-" + accountId, token, accountId, null);
	}

}
