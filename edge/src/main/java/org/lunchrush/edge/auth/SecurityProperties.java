package org.lunchrush.edge.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret the HS256 key tokens are signed with (at least 32 bytes)
 * @param tokenTtl how long a token is valid
 */
@ConfigurationProperties("lunchrush.security")
record SecurityProperties(String jwtSecret, Duration tokenTtl) {

	SecurityProperties {
		if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
			throw new IllegalArgumentException("lunchrush.security.jwt-secret needs at least 32 bytes");
		}
		tokenTtl = (tokenTtl != null) ? tokenTtl : Duration.ofHours(12);
	}

}
