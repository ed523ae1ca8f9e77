package org.lunchrush.edge.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How fresh the account state behind every token must be.
 *
 * @param ttl how long a looked-up account state is trusted: a disabled account or a
 * logged-out token is refused at most this long after the change, on every instance
 * @param staleLimit how long a state may still be used when PostgreSQL cannot be asked
 * again, so that a database outage does not log every student out; past it the request is
 * answered {@code 503 BUSY}
 */
@ConfigurationProperties("lunchrush.security.accounts")
record AccountCheckProperties(Duration ttl, Duration staleLimit) {

	AccountCheckProperties {
		ttl = (ttl != null) ? ttl : Duration.ofSeconds(5);
		staleLimit = (staleLimit != null) ? staleLimit : Duration.ofMinutes(10);
	}

}
