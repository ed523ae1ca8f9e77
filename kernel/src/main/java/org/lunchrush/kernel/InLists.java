package org.lunchrush.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits a set of values into lists small enough to bind to one SQL {@code IN (...)}:
 * PostgreSQL takes at most 32,767 parameters in one statement.
 */
public final class InLists {

	static final int SIZE = 10_000;

	private InLists() {
	}

	public static <T> List<List<T>> of(Collection<T> values) {
		List<T> all = List.copyOf(values);
		List<List<T>> lists = new ArrayList<>();
		for (int from = 0; from < all.size(); from += SIZE) {
			lists.add(all.subList(from, Math.min(all.size(), from + SIZE)));
		}
		return lists;
	}

}
