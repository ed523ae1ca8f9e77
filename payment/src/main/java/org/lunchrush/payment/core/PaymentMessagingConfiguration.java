package org.lunchrush.payment.core;

import org.lunchrush.payment.PaymentMessaging;
import org.lunchrush.payment.sandbox.SandboxProperties;

import org.springframework.amqp.core.TopicExchange;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SandboxProperties.class, ReconciliationProperties.class })
class PaymentMessagingConfiguration {

	@Bean
	TopicExchange paymentExchange() {
		return new TopicExchange(PaymentMessaging.EXCHANGE, true, false);
	}

}
