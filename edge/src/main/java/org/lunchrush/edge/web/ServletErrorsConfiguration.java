package org.lunchrush.edge.web;

import java.util.Map;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.lunchrush.kernel.ErrorCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Input rules and error bodies below the controllers: the request filter that runs first,
 * the security firewall's refusals and Tomcat's own error reports, all answered with the
 * API's JSON error body.
 */
@Configuration(proxyBeanMethods = false)
class ServletErrorsConfiguration {

	/**
	 * Right after the character-encoding filter and before Spring Security (order -100),
	 * so that a refused request consumes no rate-limit token and reaches no service.
	 */
	@Bean
	FilterRegistrationBean<RequestInputFilter> requestInputFilter(ErrorResponses errors) {
		FilterRegistrationBean<RequestInputFilter> registration = new FilterRegistrationBean<>(
				new RequestInputFilter(errors));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * URLs the security firewall refuses (an encoded period or percent sign, a double
	 * slash, a semicolon): a 400 with the API's error body rather than a bare status.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(ErrorResponses errors) {
		return (request, response, ex) -> errors.write(ErrorCode.VALIDATION,
				Map.of("field", "path", "reason", "the URL is not allowed"), request, response);
	}

	/**
	 * Puts {@link JsonErrorReportValve} in place of every other error report valve of the
	 * host, once the context starts: by then Spring Boot has added its own (without the
	 * stack trace, but still HTML) and the host has settled its pipeline.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports(ObjectProvider<ErrorResponses> errors) {
		return (factory) -> factory.addContextCustomizers((context) -> context.addLifecycleListener((event) -> {
			if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
				useJsonErrorReports(context.getParent(), new JsonErrorReportValve(errors::getIfAvailable));
			}
		}));
	}

	private static void useJsonErrorReports(Container host, JsonErrorReportValve json) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
				host.getPipeline().removeValve(valve);
			}
		}
		host.getPipeline().addValve(json);
	}

}
