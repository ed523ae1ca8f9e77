package org.lunchrush.ops;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/invariants}: operators only (the edge admits the ADMIN role
 * alone to {@code /api/v1/admin/**}).
 */
@RestController
class InvariantController {

	private final InvariantCheck check;

	InvariantController(InvariantCheck check) {
		this.check = check;
	}

	@GetMapping("/api/v1/admin/invariants")
	Report invariants() {
		InvariantReport report = this.check.run();
		return new Report(report.ok(), report.checks());
	}

	record Report(boolean ok, java.util.List<InvariantReport.Check> checks) {
	}

}
