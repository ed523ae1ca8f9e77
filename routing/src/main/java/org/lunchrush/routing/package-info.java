/**
 * The routing core: plans vehicle routes for pickup-and-delivery requests with time
 * windows and capacity (PDPTW). Plain Java with no Spring dependency, so that dispatch
 * and the benchmark harness use the same solver.
 */
package org.lunchrush.routing;
