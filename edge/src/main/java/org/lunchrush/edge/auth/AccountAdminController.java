package org.lunchrush.edge.auth;

import java.util.Map;

import org.lunchrush.kernel.Caller;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An operator disables an account (a stolen phone, a rider who left) and enables it
 * again. Routes under {@code /api/v1/admin} are for ADMIN callers only.
 */
@RestController
class AccountAdminController {

	private static final Logger log = LoggerFactory.getLogger(AccountAdminController.class);

	private final AccountService accounts;

	AccountAdminController(AccountService accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/admin/accounts/{id}/disable")
	AccountAnswer disable(@PathVariable long id, Caller operator) {
		if (id == operator.userId()) {
			// The last operator locking themselves out would leave nobody to undo it.
			throw new LunchrushException(ErrorCode.FORBIDDEN,
					Map.of("reason", "an operator cannot disable their own account"));
		}
		AccountAnswer answer = AccountAnswer.of(this.accounts.setEnabled(id, false));
		log.info("Account {} ({}) disabled by operator {}", id, answer.username(), operator.userId());
		return answer;
	}

	@PostMapping("/api/v1/admin/accounts/{id}/enable")
	AccountAnswer enable(@PathVariable long id, Caller operator) {
		AccountAnswer answer = AccountAnswer.of(this.accounts.setEnabled(id, true));
		log.info("Account {} ({}) enabled by operator {}", id, answer.username(), operator.userId());
		return answer;
	}

	record AccountAnswer(long accountId, String username, String role, boolean enabled) {

		static AccountAnswer of(AccountStore.Account account) {
			return new AccountAnswer(account.id(), account.username(), account.role().name(), account.enabled());
		}

	}

}
