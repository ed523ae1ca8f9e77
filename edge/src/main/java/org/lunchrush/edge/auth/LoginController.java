package org.lunchrush.edge.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.lunchrush.edge.web.ErrorResponses;
import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

	/**
	 * Checked when the username is unknown, so that a wrong username takes as long as a
	 * wrong password and usernames cannot be probed by timing.
	 */
	private final String decoyHash;

	private final AccountStore accounts;

	private final PasswordEncoder passwords;

	private final TokenService tokens;

	private final AccountService accountService;

	private final LoginThrottle throttle;

	private final ClientAddresses clientAddresses;

	private final ErrorResponses errors;

	LoginController(AccountStore accounts, PasswordEncoder passwords, TokenService tokens,
			AccountService accountService, LoginThrottle throttle, LoginThrottleProperties throttling,
			ErrorResponses errors) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.tokens = tokens;
		this.accountService = accountService;
		this.throttle = throttle;
		this.clientAddresses = new ClientAddresses(throttling.trustedProxies());
		this.errors = errors;
		this.decoyHash = passwords.encode("decoy-" + System.nanoTime());
	}

	@PostMapping("/api/v1/auth/login")
	ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
		String username = request.username();
		String clientIp = this.clientAddresses.of(http);
		Optional<LoginThrottle.Throttled> locked = this.throttle.check(username, clientIp);
		if (locked.isPresent()) {
			return throttled(locked.get(), http);
		}
		var account = this.accounts.byUsername(username);
		boolean matches = this.passwords.matches(request.password(),
				account.map(AccountStore.Account::passwordHash).orElse(this.decoyHash));
		if (account.isEmpty() || !matches) {
			// Unknown usernames count too, so that the answers do not tell them apart.
			Optional<LoginThrottle.Throttled> now = this.throttle.failed(username, clientIp);
			if (now.isPresent()) {
				return throttled(now.get(), http);
			}
			throw new LunchrushException(ErrorCode.BAD_CREDENTIALS);
		}
		if (!account.get().enabled()) {
			// Said only to whoever knows the password: the owner learns why, a guesser
			// learns nothing it could use.
			throw new LunchrushException(ErrorCode.FORBIDDEN, Map.of("reason", "account disabled"));
		}
		this.throttle.succeeded(username);
		TokenService.Token token = this.tokens.issue(account.get());
		return ResponseEntity.ok(new LoginAnswer(token.value(), account.get().role().name(), account.get().id(),
				account.get().merchantId().isPresent() ? account.get().merchantId().getAsLong() : null,
				account.get().vip(), token.expiresAt()));
	}

	/**
	 * Logs the caller out on every device: every token issued to the account until now is
	 * refused from now on (a lost phone is handled by logging out from another one).
	 */
	@PostMapping("/api/v1/auth/logout")
	ResponseEntity<Void> logout(Caller caller) {
		this.accountService.logOut(caller.userId());
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<Map<String, Object>> throttled(LoginThrottle.Throttled throttled,
			HttpServletRequest request) {
		return ResponseEntity.status(ErrorCode.LOGIN_THROTTLED.status())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()))
			.body(this.errors.body(ErrorCode.LOGIN_THROTTLED,
					Map.of("scope", throttled.scope(), "retryAfterSeconds", throttled.retryAfterSeconds()), request));
	}

	record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
	}

	record LoginAnswer(String token, String role, long userId, Long merchantId, boolean vip, Instant expiresAt) {
	}

}
