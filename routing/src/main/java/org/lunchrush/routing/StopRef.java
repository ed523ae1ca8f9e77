package org.lunchrush.routing;

/**
 * A stop named by its request and kind, as a caller remembers a route between two solver
 * calls (times and loads are recomputed, so they are not part of it).
 *
 * @param requestId the {@link Request#id()}
 * @param kind pickup or delivery
 */
public record StopRef(int requestId, StopKind kind) {

	public static StopRef pickup(int requestId) {
		return new StopRef(requestId, StopKind.PICKUP);
	}

	public static StopRef delivery(int requestId) {
		return new StopRef(requestId, StopKind.DELIVERY);
	}

}
