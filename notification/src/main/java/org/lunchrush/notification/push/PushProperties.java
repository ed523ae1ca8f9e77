package org.lunchrush.notification.push;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the live push channel.
 *
 * @param heartbeat how often an idle stream gets a comment ({@code : ping}), so that
 * proxies keep it open and a dead connection is found (15 s)
 * @param timeout how long a stream stays open before the platform closes it and the
 * client reconnects (30 min)
 * @param maxStreamsPerAccount open streams one account may hold; one more closes the
 * oldest (5)
 * @param queue events waiting for one slow client; a client that falls this far behind is
 * closed (it reconnects and re-reads the API) rather than held in memory (256)
 */
@ConfigurationProperties("lunchrush.push")
record PushProperties(Duration heartbeat, Duration timeout, Integer maxStreamsPerAccount, Integer queue) {

	PushProperties {
		heartbeat = (heartbeat != null) ? heartbeat : Duration.ofSeconds(15);
		timeout = (timeout != null) ? timeout : Duration.ofMinutes(30);
		maxStreamsPerAccount = (maxStreamsPerAccount != null) ? maxStreamsPerAccount : 5;
		queue = (queue != null) ? queue : 256;
	}

}
