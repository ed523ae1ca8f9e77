/**
 * The routing core: plans vehicle routes for pickup-and-delivery requests with time
 * windows and capacity (PDPTW), both for the Li &amp; Lim benchmark (fewest vehicles,
 * then distance) and for the dispatcher's rounds (riders already out with open ends,
 * orders pinned to a rider or already in a bag, soft due times, completion time, warm
 * start from the previous round). Plain Java with no Spring dependency, so that dispatch
 * and the benchmark harness use the same solver.
 */
package org.lunchrush.routing;
