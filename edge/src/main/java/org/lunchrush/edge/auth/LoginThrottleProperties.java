package org.lunchrush.edge.auth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling: failed logins are counted per account and per client IP (Bucket4j
 * buckets in Redis, shared by every instance); past the allowance, each further failure
 * locks the account (or the IP) for twice as long as the last time, from {@code backoff}
 * up to {@code maxBackoff}.
 *
 * @param accountFailures failed logins one account may take per {@code accountWindow}
 * before backing off
 * @param accountWindow the window the account's allowance refills over
 * @param ipFailures failed logins one client IP may cause per {@code ipWindow} (looser: a
 * dorm's NAT puts hundreds of students behind one address)
 * @param ipWindow the window the IP's allowance refills over
 * @param backoff the first lock
 * @param maxBackoff the longest lock
 * @param trustedProxies addresses of the reverse proxies in front of the platform, whose
 * {@code X-Forwarded-For} names the client; empty (the default) means the socket's peer
 * is the client and the header is ignored, since anyone can send it
 */
@ConfigurationProperties("lunchrush.security.login")
record LoginThrottleProperties(int accountFailures, Duration accountWindow, int ipFailures, Duration ipWindow,
		Duration backoff, Duration maxBackoff, List<String> trustedProxies) {

	LoginThrottleProperties {
		accountFailures = (accountFailures > 0) ? accountFailures : 5;
		accountWindow = (accountWindow != null) ? accountWindow : Duration.ofMinutes(15);
		ipFailures = (ipFailures > 0) ? ipFailures : 100;
		ipWindow = (ipWindow != null) ? ipWindow : Duration.ofMinutes(10);
		backoff = (backoff != null) ? backoff : Duration.ofSeconds(1);
		maxBackoff = (maxBackoff != null) ? maxBackoff : Duration.ofMinutes(5);
		trustedProxies = (trustedProxies != null) ? List.copyOf(trustedProxies) : List.of();
		if (ipFailures < accountFailures) {
			throw new IllegalArgumentException(
					"lunchrush.security.login.ip-failures (" + ipFailures + ") must not be below account-failures ("
							+ accountFailures + "): students behind one NAT would lock each other out");
		}
		if (maxBackoff.compareTo(backoff) < 0) {
			throw new IllegalArgumentException("lunchrush.security.login.max-backoff must not be below backoff");
		}
	}

}
