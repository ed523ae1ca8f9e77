package org.lunchrush.edge.web;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer says which version of the platform gave it ({@value #HEADER}):
 * {@code LUNCHRUSH_VERSION}, the image tag on Kubernetes, {@code canary} for the canary
 * of {@code ./lunchrush up --replicas N --canary}. A release under a canary shows,
 * request by request, which version answered; a request sent with
 * {@code X-Version: canary} must be answered by the canary, any other by the stable
 * version.
 */
@Configuration(proxyBeanMethods = false)
class VersionHeaderConfiguration {

	static final String HEADER = "X-Lunchrush-Version";

	private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	/**
	 * First of all filters, so that a request refused by any of them says it too.
	 */
	@Bean
	FilterRegistrationBean<VersionHeaderFilter> versionHeaderFilter(
			@Value("${lunchrush.version:stable}") String version) {
		if (!VERSION.matcher(version).matches()) {
			throw new IllegalArgumentException(
					"LUNCHRUSH_VERSION must be 1 to 64 letters, digits, '.', '_' or '-', not '" + version + "'");
		}
		FilterRegistrationBean<VersionHeaderFilter> registration = new FilterRegistrationBean<>(
				new VersionHeaderFilter(version));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	static final class VersionHeaderFilter extends OncePerRequestFilter {

		private final String version;

		VersionHeaderFilter(String version) {
			this.version = version;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setHeader(HEADER, this.version);
			chain.doFilter(request, response);
		}

	}

}
