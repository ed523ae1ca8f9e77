package org.lunchrush.campussim;

import java.util.List;

/**
 * A run broke a rule that every dispatch must keep: the run's figures mean nothing.
 */
final class AuditFailure extends RuntimeException {

	private final List<String> violations;

	AuditFailure(String where, List<String> violations) {
		super(where + ": " + violations.size() + " violation(s), first: " + violations.get(0));
		this.violations = List.copyOf(violations);
	}

	List<String> violations() {
		return this.violations;
	}

}
