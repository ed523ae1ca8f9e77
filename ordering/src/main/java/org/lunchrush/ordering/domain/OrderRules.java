package org.lunchrush.ordering.domain;

/**
 * Limits every order obeys.
 */
public final class OrderRules {

	public static final int MAX_QUANTITY = 99;

	public static final int MAX_LINES = 50;

	public static final int MAX_NOTE_LENGTH = 200;

	private OrderRules() {
	}

}
