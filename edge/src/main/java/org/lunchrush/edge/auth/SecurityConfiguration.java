package org.lunchrush.edge.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.lunchrush.edge.ratelimit.IntakeRateLimitFilter;
import org.lunchrush.edge.web.ErrorResponses;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Stateless bearer-token security: the token is verified locally (HS256) and against the
 * cached state of its account (disabled, logged out), the role claim decides which routes
 * a caller may use, and services check ownership.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SecurityProperties.class, AccountCheckProperties.class, LoginThrottleProperties.class,
		PasswordHashingProperties.class })
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, ErrorResponses errors, JwtDecoder decoder,
			ObjectProvider<IntakeRateLimitFilter> intakeLimits, AccountStates accountStates, Environment environment)
			throws Exception {
		// The same chain guards the management port (Spring Boot hands it to the
		// management server too). On a port of its own, bound to the loopback interface
		// by default, probes and metrics answer without a token, and the public port has
		// no /actuator at all: its paths fall through to the API's JSON 404. Only if an
		// operator puts management back on the public port does /actuator need ADMIN
		// again, the probes excepted.
		String[] openActuator = managementHasItsOwnPort(environment) ? new String[] { "/actuator/**" }
				: new String[] { "/actuator/health/**" };
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((routes) -> routes
				// A live stream (GET /api/v1/events) is checked when it opens. It is
				// written later, outside that request's dispatch: ending the stream is an
				// ASYNC dispatch, a failure on it an ERROR dispatch, and this stateless
				// chain keeps no security context for them. Checking them again would
				// refuse the stream's own ending on a response already streaming.
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/login")
				.permitAll()
				// The provider's notifications prove themselves by signature; its
				// checkout is the
				// provider's own page.
				.requestMatchers("/api/v1/payments/notify/**", "/sandbox-pay/**")
				.permitAll()
				.requestMatchers(openActuator)
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/demo/accounts")
				.permitAll()
				// The OpenAPI document and Swagger UI describe the API and open none of
				// it.
				.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
						"/swagger-ui/**")
				.permitAll()
				// Menu item pictures: an <img> tag sends no token, and the pictures are
				// as public as the menu that links them. Reading only.
				.requestMatchers(HttpMethod.GET, "/api/v1/items/*/picture")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/api/v1/items/*/picture")
				.permitAll()
				// The web faces' pages and files (the apps log in through the API).
				.requestMatchers(SecurityConfiguration::isWebFacePage)
				.permitAll()
				.requestMatchers("/api/v1/orders", "/api/v1/orders/**", "/api/v1/coupon-batches",
						"/api/v1/coupon-batches/**", "/api/v1/coupons", "/api/v1/coupons/**")
				.hasRole(Role.STUDENT.name())
				.requestMatchers("/api/v1/merchant/**")
				.hasRole(Role.MERCHANT.name())
				.requestMatchers("/api/v1/events")
				.hasAnyRole(Role.STUDENT.name(), Role.MERCHANT.name(), Role.RIDER.name())
				.requestMatchers("/api/v1/rider/**")
				.hasRole(Role.RIDER.name())
				.requestMatchers("/api/v1/admin/**", "/actuator/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(roleClaimConverter()))
				.authenticationEntryPoint(
						(request, response, ex) -> errors.write(ErrorCode.UNAUTHENTICATED, request, response)))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint(
						(request, response, ex) -> errors.write(ErrorCode.UNAUTHENTICATED, request, response))
				.accessDeniedHandler((request, response, ex) -> errors.write(ErrorCode.FORBIDDEN, request, response)));
		// A verified token still needs an account that lets it in (not a bean, so the
		// servlet container does not run it a second time outside this chain).
		http.addFilterAfter(new AccountStateFilter(accountStates, errors), BearerTokenAuthenticationFilter.class);
		// Authenticated, authorised intake requests meet the token buckets (admission,
		// the in-flight limit, came before the servlet filters: IntakeAdmission).
		for (IntakeRateLimitFilter limit : intakeLimits.orderedStream().toList()) {
			http.addFilterAfter(limit, AuthorizationFilter.class);
		}
		return http.build();
	}

	/**
	 * A {@code GET} of anything outside the API and the management endpoints: the web
	 * faces' pages, their history-mode routes and their files (WebFacesConfiguration
	 * answers the ones that exist, a JSON {@code 404} the rest).
	 */
	static boolean isWebFacePage(HttpServletRequest request) {
		if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
			return false;
		}
		String path = request.getServletPath();
		return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/actuator");
	}

	/**
	 * As Spring Boot decides it: management shares the server's port unless
	 * {@code management.server.port} names another one (0 is a random one of its own, a
	 * negative port switches management over HTTP off).
	 */
	static boolean managementHasItsOwnPort(Environment environment) {
		Integer management = environment.getProperty("management.server.port", Integer.class);
		if (management == null) {
			return false;
		}
		if (management <= 0) {
			return true;
		}
		return !management.equals(environment.getProperty("server.port", Integer.class, 8080));
	}

	/**
	 * No observation around each filter, authentication and authorisation: on the order
	 * path they cost more than the checks themselves (issue 13). Requests are still timed
	 * once, as {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	JwtDecoder jwtDecoder(SecurityProperties properties) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(properties))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenService.ISSUER));
		// About 2 KB a token: 50,000 tokens seen in ten minutes hold about 100 MB.
		return new VerifiedTokens(decoder, Clock.systemUTC(), 50_000, Duration.ofMinutes(10));
	}

	@Bean
	JwtEncoder jwtEncoder(SecurityProperties properties) {
		return NimbusJwtEncoder.withSecretKey(key(properties)).algorithm(MacAlgorithm.HS256).build();
	}

	/**
	 * BCrypt at its default cost (10), on threads of its own: see
	 * {@link PasswordHashing}.
	 */
	@Bean
	PasswordEncoder passwordEncoder(PasswordHashingProperties properties, MeterRegistry meters) {
		PasswordHashing hashing = new PasswordHashing(new BCryptPasswordEncoder(), properties);
		new ExecutorServiceMetrics(hashing.threads(), "password.hashing", Tags.empty()).bindTo(meters);
		return hashing;
	}

	private static JwtAuthenticationConverter roleClaimConverter() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("role");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	private static SecretKey key(SecurityProperties properties) {
		return new SecretKeySpec(properties.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

}
