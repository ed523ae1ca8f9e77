package org.lunchrush.edge.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The threads password hashes are computed on (see {@link PasswordHashing}).
 *
 * @param threads how many hashes are computed at once (default: one per core)
 * @param waiting how many logins may wait for a thread; past that, a login is answered
 * {@code 503 BUSY} at once
 */
@ConfigurationProperties("lunchrush.security.hashing")
record PasswordHashingProperties(Integer threads, Integer waiting) {

	PasswordHashingProperties {
		threads = (threads != null) ? threads : Runtime.getRuntime().availableProcessors();
		waiting = (waiting != null) ? waiting : 256;
		if (threads < 1 || threads > 64) {
			throw new IllegalArgumentException("lunchrush.security.hashing.threads is 1 to 64, not " + threads);
		}
		if (waiting < 1 || waiting > 100_000) {
			throw new IllegalArgumentException("lunchrush.security.hashing.waiting is 1 to 100000, not " + waiting);
		}
	}

}
