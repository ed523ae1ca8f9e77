/**
 * Delivery: riders and their shifts, one delivery task per accepted order (from the order
 * event stream), dispatch rounds that give tasks to riders, and the riders' routes,
 * pickup and hand-over.
 */
@ApplicationModule(displayName = "Delivery")
package org.lunchrush.delivery;

import org.springframework.modulith.ApplicationModule;
