package org.lunchrush.dispatch;

/** Whether a rider collects an order at its stall or hands it over at its building. */
public enum StopKind {

	PICKUP, DROPOFF

}
