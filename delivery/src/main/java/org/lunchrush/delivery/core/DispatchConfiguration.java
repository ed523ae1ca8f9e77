package org.lunchrush.delivery.core;

import org.lunchrush.delivery.DeliveryProperties;
import org.lunchrush.dispatch.DispatchStrategy;
import org.lunchrush.dispatch.NearestIdleRider;
import org.lunchrush.dispatch.RoutingDispatch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dispatch strategy of {@code lunchrush.delivery.strategy}.
 */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

	@Bean
	DispatchStrategy dispatchStrategy(DeliveryProperties properties) {
		return switch (properties.strategy()) {
			case "routing" -> new RoutingDispatch(
					RoutingDispatch.Settings.DEFAULTS.withRound(properties.planTimeLimit(), properties.commitHorizon())
						.withBundles(properties.bundleSize(), properties.bundleSpread()));
			case "nearest" -> new NearestIdleRider();
			default -> throw new IllegalStateException(
					"lunchrush.delivery.strategy must be 'routing' or 'nearest', not '" + properties.strategy() + "'");
		};
	}

}
