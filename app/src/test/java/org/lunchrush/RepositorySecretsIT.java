package org.lunchrush;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lunchrush.payment.sandbox.SandboxSignature;
import org.lunchrush.support.Api;
import org.lunchrush.support.Api.Response;
import org.lunchrush.support.Api.Session;
import org.lunchrush.support.PlatformProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged platform ({@code app/target/lunchrush.jar}, as {@code ./lunchrush up} runs
 * it) with keys of its own: a token or a provider notification signed with a key
 * published in the repository is refused, and the platform will not even start with such
 * a key.
 */
class RepositorySecretsIT {

	/**
	 * The token key that {@code application.yml} once shipped as its default.
	 */
	private static final String DEMO_JWT_SECRET = "lunchrush-demo-secret-change-me-in-production";

	/**
	 * The sandbox provider's key that {@code application.yml} once shipped as its
	 * default.
	 */
	private static final String DEMO_SANDBOX_KEY = "sandbox-merchant-key-for-demo-only";

	private static PlatformProcess platform;

	@BeforeAll
	static void startThePackagedPlatform() {
		platform = PlatformProcess.fresh("secrets", Map.of());
		platform.start();
	}

	@AfterAll
	static void stopIt() {
		if (platform != null) {
			platform.kill();
		}
	}

	@Test
	void aTokenSignedWithTheRepositorysDemoSecretIsRefused() throws Exception {
		Api api = platform.api();
		Session admin = api.login("admin");
		String path = "/api/v1/admin/invariants";
		assertThat(api.get(path, admin).status()).as("the platform's own token works").isEqualTo(200);

		Response forged = api.get(path, token(admin.userId(), DEMO_JWT_SECRET));
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("UNAUTHENTICATED");
		// The same claims under this install's key pass: only the key tells them apart.
		assertThat(api.get(path, token(admin.userId(), platform.jwtSecret())).status()).isEqualTo(200);
	}

	@Test
	void aNotificationSignedWithTheRepositorysDemoSandboxKeyIsRefused() {
		Api api = platform.api();
		byte[] body = """
				{"type":"CHARGE","transactionId":"forged-1","paymentId":"1","orderId":"1","amountCents":1}
				""".getBytes(StandardCharsets.UTF_8);

		Response forged = api.postBytes("/api/v1/payments/notify/sandbox", body, "X-Signature",
				SandboxSignature.sign(body, DEMO_SANDBOX_KEY));
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.code()).isEqualTo("SIGNATURE_INVALID");

		Response signed = api.postBytes("/api/v1/payments/notify/sandbox", body, "X-Signature",
				SandboxSignature.sign(body, platform.sandboxKey()));
		assertThat(signed.code()).as("this install's key gets past the signature check")
			.isNotEqualTo("SIGNATURE_INVALID");
	}

	/**
	 * The platform runs from the jar's extracted layout, as {@code ./lunchrush up} runs
	 * it: not one class comes through Spring Boot's nested-jar loader, whose locks can
	 * deadlock class loading under virtual threads at a cold start (issue 13).
	 */
	@Test
	void thePackagedPlatformLoadsNoClassThroughTheNestedJarLoader() throws Exception {
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
		Process classes = new ProcessBuilder(jcmd.toString(), Long.toString(platform.pid()), "VM.class_hierarchy")
			.redirectErrorStream(true)
			.start();
		String hierarchy = new String(classes.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(classes.waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(hierarchy).as("the loaded classes").contains("org.lunchrush.LunchrushApplication");
		assertThat(hierarchy).doesNotContain("org.springframework.boot.loader.");
	}

	@Test
	void thePlatformRefusesToStartWithAKeyFromTheRepository() throws Exception {
		String output = PlatformProcess.refusedStart(Map.of("LUNCHRUSH_JWT_SECRET", DEMO_JWT_SECRET,
				"LUNCHRUSH_SANDBOX_MERCHANT_KEY", platform.sandboxKey()), Duration.ofSeconds(60));

		assertThat(output).contains("LUNCHRUSH_JWT_SECRET")
			.contains("is a value published in the Lunchrush repository");
	}

	@Test
	void thePlatformRefusesToStartWithoutKeysOfItsOwn() throws Exception {
		String output = PlatformProcess.refusedStart(Map.of(), Duration.ofSeconds(60));

		assertThat(output).contains("LUNCHRUSH_JWT_SECRET is not set").contains("./lunchrush up");
	}

	private static Session token(long userId, String key) throws Exception {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("lunchrush")
			.subject(Long.toString(userId))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofHours(1))))
			.claim("name", "admin")
			.claim("role", "ADMIN")
			.claim("vip", false)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
		return new Session("admin", jwt.serialize(), userId, null);
	}

}
