package org.lunchrush.demo;

import java.util.List;
import java.util.Map;

import org.lunchrush.catalog.CatalogSetup;
import org.lunchrush.edge.Accounts;
import org.lunchrush.kernel.ErrorCode;
import org.lunchrush.kernel.LunchrushException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo accounts and their shared password, for the welcome page, only while the demo
 * campus is in use: the demo is switched on ({@code lunchrush.demo.enabled}) and its
 * accounts exist. A campus running for real switches the demo off, and the route is gone
 * ({@code 404}); the welcome page then shows no password at all.
 */
@RestController
@ConditionalOnBooleanProperty(name = "lunchrush.demo.enabled", matchIfMissing = true)
class DemoAccountsController {

	private final CatalogSetup catalog;

	private final Accounts accounts;

	DemoAccountsController(CatalogSetup catalog, Accounts accounts) {
		this.catalog = catalog;
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/demo/accounts")
	DemoAccounts accounts() {
		if (!this.catalog.hasCampus() || !this.accounts.exists("admin") || !this.accounts.exists("student1")) {
			throw new LunchrushException(ErrorCode.NOT_FOUND, Map.of("reason", "the demo campus is not in use"));
		}
		return new DemoAccounts(DemoCampus.PASSWORD,
				List.of(new Group("学生 Student", "student1", "student" + DemoCampus.STUDENTS),
						new Group("VIP 学生 VIP student", "vip1", "vip" + DemoCampus.VIPS),
						new Group("商家 Merchant", "merchant1", "merchant" + DemoData.STALLS.size()),
						new Group("骑手 Rider", "rider1", "rider" + DemoCampus.RIDERS),
						new Group("运营 Operator", "admin", "admin")));
	}

	record DemoAccounts(String password, List<Group> groups) {
	}

	/**
	 * Accounts {@code first} … {@code last} of one role.
	 */
	record Group(String role, String first, String last) {
	}

}
