package org.lunchrush.routing;

/**
 * A planned stop of a route.
 *
 * @param request the request served
 * @param kind pickup or delivery
 * @param arrival when the vehicle arrives
 * @param serviceStart when service starts (arrival, or the window's opening if later)
 * @param loadAfter load on board when the vehicle leaves
 */
public record RouteStop(Request request, StopKind kind, double arrival, double serviceStart, int loadAfter) {

	public Visit visit() {
		return (this.kind == StopKind.PICKUP) ? this.request.pickup() : this.request.delivery();
	}

	/** How long after the visit's {@link Visit#due()} service starts; 0 when on time. */
	public double lateness() {
		return visit().latenessAt(this.serviceStart);
	}

}
