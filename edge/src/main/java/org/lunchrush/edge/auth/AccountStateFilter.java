package org.lunchrush.edge.auth;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lunchrush.edge.web.ErrorResponses;
import org.lunchrush.kernel.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a well-signed, unexpired token whose account no longer lets it in: the account
 * does not exist, an operator disabled it, or its owner logged out after the token was
 * issued. Runs right after the bearer token is verified, against the cached account state
 * (no SQL per request).
 */
class AccountStateFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AccountStateFilter.class);

	private final AccountStates states;

	private final ErrorResponses errors;

	AccountStateFilter(AccountStates states, ErrorResponses errors) {
		this.states = states;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			chain.doFilter(request, response);
			return;
		}
		Jwt jwt = token.getToken();
		Optional<AccountStates.State> state;
		try {
			state = this.states.of(Long.parseLong(jwt.getSubject()));
		}
		catch (NumberFormatException ex) {
			state = Optional.empty();
		}
		catch (DataAccessException ex) {
			log.warn("Cannot check the account of a token: {}", ex.toString());
			this.errors.write(ErrorCode.BUSY, request, response);
			return;
		}
		if (state.isEmpty() || !state.get().enabled()
				|| TokenService.generationOf(jwt) < state.get().tokenGeneration()) {
			SecurityContextHolder.clearContext();
			this.errors.write(ErrorCode.UNAUTHENTICATED, request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
