package org.lunchrush.bench;

import org.lunchrush.bench.OpenLoopStats.Kind;

/**
 * One order request and what came of it.
 *
 * @param kind accepted, refused for load, another answer, or no answer
 * @param status the HTTP status, 0 without an answer
 * @param outcome the outcome key of {@link PhaseStats} ({@code 202},
 * {@code 409/SOLD_OUT}, {@code timeout}, …)
 * @param sentNanos {@link System#nanoTime()} when the request was handed to the client
 * @param doneNanos {@link System#nanoTime()} when the answer or the failure arrived
 * @param order the accepted order, {@code null} unless a 202 carried an order id
 */
record Attempt(Kind kind, int status, String outcome, long sentNanos, long doneNanos, AcceptedOrder order) {

	static Attempt noAnswer(String outcome, long sentNanos) {
		return new Attempt(Kind.NO_ANSWER, 0, outcome, sentNanos, System.nanoTime(), null);
	}

	long micros() {
		return Math.max(0, (this.doneNanos - this.sentNanos) / 1000);
	}

}
