package org.lunchrush.ops;

import java.util.List;

/**
 * The platform's invariants, each with how often it is broken and a few examples.
 */
public record InvariantReport(List<Check> checks) {

	public boolean ok() {
		return this.checks.stream().allMatch((check) -> check.count() == 0);
	}

	/**
	 * @param examples a few ids (orders, items) to start looking from
	 */
	public record Check(String name, String description, long count, List<String> examples) {

		static final int MAX_EXAMPLES = 10;

		static Check of(String name, String description, List<String> violations) {
			return new Check(name, description, violations.size(),
					List.copyOf(violations.subList(0, Math.min(MAX_EXAMPLES, violations.size()))));
		}

	}

}
