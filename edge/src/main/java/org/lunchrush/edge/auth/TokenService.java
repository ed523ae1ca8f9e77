package org.lunchrush.edge.auth;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the bearer tokens: HS256-signed JWTs carrying everything the edge needs to know
 * about the caller, so no request after login reads the account table beyond the cached
 * account state ({@link AccountStates}) that lets an operator disable an account and a
 * student log out.
 */
@Component
class TokenService {

	static final String ISSUER = "lunchrush";

	/**
	 * The account's token generation when the token was issued; logging out moves the
	 * account's generation on, which refuses every older token.
	 */
	static final String GENERATION = "gen";

	private final JwtEncoder encoder;

	private final SecurityProperties properties;

	TokenService(JwtEncoder encoder, SecurityProperties properties) {
		this.encoder = encoder;
		this.properties = properties;
	}

	Token issue(AccountStore.Account account) {
		Instant now = Instant.now();
		Duration ttl = this.properties.tokenTtl();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(Long.toString(account.id()))
			.issuedAt(now)
			.expiresAt(now.plus(ttl))
			.claim("name", account.username())
			.claim("role", account.role().name())
			.claim("vip", account.vip())
			.claim(GENERATION, account.tokenGeneration());
		account.merchantId().ifPresent((merchant) -> claims.claim("merchantId", merchant));
		String value = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
		return new Token(value, now.plus(ttl));
	}

	/**
	 * @return the generation a token was issued in (tokens from before generations
	 * existed are generation 0, the column's default)
	 */
	static long generationOf(Jwt jwt) {
		return (jwt.getClaims().get(GENERATION) instanceof Number generation) ? generation.longValue() : 0;
	}

	record Token(String value, Instant expiresAt) {
	}

}
