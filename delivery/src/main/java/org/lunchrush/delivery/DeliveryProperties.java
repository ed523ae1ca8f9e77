package org.lunchrush.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of delivery and dispatch.
 *
 * @param roundInterval how often a dispatch round runs (15 s)
 * @param lookahead how far ahead of its expected ready time a task may be given to a
 * rider (10 min), so that the rider is at the stall when the food is
 * @param riderCapacity how many orders a rider's bag holds (8)
 * @param metresPerSecond a rider's speed on campus paths (4 m/s, a bicycle)
 * @param detourFactor how much longer the path between two buildings is than the straight
 * line (1.3)
 * @param pickupService time spent at a stall per pickup (60 s)
 * @param dropoffService time spent at a building per hand-over (90 s)
 */
@ConfigurationProperties("lunchrush.delivery")
public record DeliveryProperties(Duration roundInterval, Duration lookahead, Integer riderCapacity,
		Double metresPerSecond, Double detourFactor, Duration pickupService, Duration dropoffService) {

	public DeliveryProperties {
		roundInterval = (roundInterval != null) ? roundInterval : Duration.ofSeconds(15);
		lookahead = (lookahead != null) ? lookahead : Duration.ofMinutes(10);
		riderCapacity = (riderCapacity != null) ? riderCapacity : 8;
		metresPerSecond = (metresPerSecond != null) ? metresPerSecond : 4.0;
		detourFactor = (detourFactor != null) ? detourFactor : 1.3;
		pickupService = (pickupService != null) ? pickupService : Duration.ofSeconds(60);
		dropoffService = (dropoffService != null) ? dropoffService : Duration.ofSeconds(90);
	}

}
