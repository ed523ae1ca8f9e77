package org.lunchrush.bench;

import java.time.Instant;

/**
 * An order the platform answered {@code 202} for.
 *
 * @param orderId the order id from the answer
 * @param studentIndex index of the student who placed it
 * @param acceptedAt wall-clock instant the 202 answer arrived at the harness
 */
record AcceptedOrder(String orderId, int studentIndex, Instant acceptedAt) {

}
