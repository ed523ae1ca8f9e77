package org.lunchrush.routing;

/** Whether a stop collects a request's load or drops it. */
public enum StopKind {

	PICKUP, DELIVERY

}
