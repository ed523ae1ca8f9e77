package org.lunchrush.edge.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens already verified, so that a student's next request does not parse
 * the JWT, check its HMAC and convert its claims again (issue 13 measured that at several
 * percent of the order path's CPU). The key is the whole token, signature included, so
 * only a token that was verified once is ever found; a token is served from here only
 * until it expires, after which the decoder refuses it as before. Invalid tokens are
 * never kept. Whether the account still lets the token in is not decided here: the
 * {@link AccountStateFilter} checks that on every request.
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	/**
	 * @param decoder verifies a token the first time it is seen
	 * @param capacity tokens kept at most (the least recently used go first)
	 * @param keepFor how long a verified token is kept at most, before it is verified
	 * again
	 */
	VerifiedTokens(JwtDecoder decoder, Clock clock, long capacity, Duration keepFor) {
		this.decoder = decoder;
		this.clock = clock;
		this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(keepFor).build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.getIfPresent(token);
		if (known != null && unexpired(known)) {
			return known;
		}
		Jwt jwt = this.decoder.decode(token);
		if (unexpired(jwt)) {
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	private boolean unexpired(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt);
	}

}
