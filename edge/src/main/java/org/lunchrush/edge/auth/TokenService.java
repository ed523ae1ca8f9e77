package org.lunchrush.edge.auth;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Issues the bearer tokens: HS256-signed JWTs carrying everything the edge needs to know
 * about the caller, so no request after login touches the account table.
 */
@Component
class TokenService {

	static final String ISSUER = "lunchrush";

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
			.claim("vip", account.vip());
		account.merchantId().ifPresent((merchant) -> claims.claim("merchantId", merchant));
		String value = this.encoder
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
			.getTokenValue();
		return new Token(value, now.plus(ttl));
	}

	record Token(String value, Instant expiresAt) {
	}

}
