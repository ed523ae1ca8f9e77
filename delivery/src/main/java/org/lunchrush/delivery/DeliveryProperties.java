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
 * @param stopOverhead time to park, walk into a building and back out, once per building
 * (45 s)
 * @param pickupService time per order taken at a stall's counter (20 s)
 * @param dropoffService time per order put on a dorm's delivery shelf and announced to
 * the student (20 s)
 * @param promise how long after the food's expected ready time the student is promised it
 * at the door (30 min)
 * @param strategy the dispatch strategy: {@code routing} (batching and route optimisation
 * on the routing core, the default) or {@code nearest} (the nearest idle rider, one order
 * at a time: the baseline)
 * @param planTimeLimit how long the routing strategy may search in a round (800 ms)
 * @param commitHorizon a rider is given the first new bundle of the planned route if no
 * hand-over comes before it and the route reaches its stall within this time of the first
 * stop (5 min); when more orders wait than twice what the bags hold, every new bundle
 * within it. The others are planned again next round
 * @param bundleSize at most this many waiting orders from one stall building to one
 * building are planned as one bundle, picked up and handed over together (8, a bagful; 1
 * turns bundles off)
 * @param bundleSpread the orders of a bundle are expected ready within this of each other
 * (5 min)
 */
@ConfigurationProperties("lunchrush.delivery")
public record DeliveryProperties(Duration roundInterval, Duration lookahead, Integer riderCapacity,
		Double metresPerSecond, Double detourFactor, Duration stopOverhead, Duration pickupService,
		Duration dropoffService, Duration promise, String strategy, Duration planTimeLimit, Duration commitHorizon,
		Integer bundleSize, Duration bundleSpread) {

	public DeliveryProperties {
		roundInterval = (roundInterval != null) ? roundInterval : Duration.ofSeconds(15);
		lookahead = (lookahead != null) ? lookahead : Duration.ofMinutes(10);
		riderCapacity = (riderCapacity != null) ? riderCapacity : 8;
		metresPerSecond = (metresPerSecond != null) ? metresPerSecond : 4.0;
		detourFactor = (detourFactor != null) ? detourFactor : 1.3;
		stopOverhead = (stopOverhead != null) ? stopOverhead : Duration.ofSeconds(45);
		pickupService = (pickupService != null) ? pickupService : Duration.ofSeconds(20);
		dropoffService = (dropoffService != null) ? dropoffService : Duration.ofSeconds(20);
		promise = (promise != null) ? promise : Duration.ofMinutes(30);
		strategy = (strategy != null) ? strategy : "routing";
		planTimeLimit = (planTimeLimit != null) ? planTimeLimit : Duration.ofMillis(800);
		commitHorizon = (commitHorizon != null) ? commitHorizon : Duration.ofMinutes(5);
		bundleSize = (bundleSize != null) ? bundleSize : 8;
		bundleSpread = (bundleSpread != null) ? bundleSpread : Duration.ofMinutes(5);
	}

}
