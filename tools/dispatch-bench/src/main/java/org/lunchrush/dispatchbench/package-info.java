/**
 * The harness behind {@code ./lunchrush dispatch-bench}: runs the routing core on public
 * PDPTW benchmarks, checks every answer independently and compares with jsprit.
 */
package org.lunchrush.dispatchbench;
