package org.lunchrush.edge.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTest {

	private static final SecretKeySpec KEY = new SecretKeySpec(
			"a-key-for-this-test-only-32-bytes-long!!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T04:00:00Z"));

	private final AtomicInteger verifications = new AtomicInteger();

	private final VerifiedTokens tokens = new VerifiedTokens(countingDecoder(), this.clock, 100,
			Duration.ofMinutes(10));

	@Test
	void aTokenSeenBeforeIsNotVerifiedAgain() {
		String token = token(this.clock.instant().plusSeconds(3600));

		Jwt first = this.tokens.decode(token);
		Jwt second = this.tokens.decode(token);

		assertThat(second.getSubject()).isEqualTo("42");
		assertThat(second).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void anExpiredTokenIsRefusedEvenIfItWasVerifiedBefore() {
		String token = token(this.clock.instant().plusSeconds(60));
		this.tokens.decode(token);

		this.clock.advance(Duration.ofSeconds(61));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(token))
			.withMessageContaining("expired");
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenWithABadSignatureIsRefusedEveryTime() {
		String token = token(this.clock.instant().plusSeconds(3600));
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.length() - 10);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(forged));
		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(forged));
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenIsVerifiedAgainAfterTheKeepingTime() {
		String token = token(this.clock.instant().plusSeconds(3600 * 12));
		VerifiedTokens briefly = new VerifiedTokens(countingDecoder(), this.clock, 100, Duration.ofNanos(1));

		briefly.decode(token);
		sleepBriefly();
		briefly.decode(token);

		assertThat(this.verifications).hasValue(2);
	}

	private JwtDecoder countingDecoder() {
		NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
		timestamps.setClock(this.clock);
		nimbus.setJwtValidator(timestamps);
		return (token) -> {
			this.verifications.incrementAndGet();
			return nimbus.decode(token);
		};
	}

	private String token(Instant expiresAt) {
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("lunchrush")
			.subject("42")
			.issuedAt(this.clock.instant())
			.expiresAt(expiresAt)
			.build();
		return NimbusJwtEncoder.withSecretKey(KEY)
			.algorithm(MacAlgorithm.HS256)
			.build()
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	private static void sleepBriefly() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
