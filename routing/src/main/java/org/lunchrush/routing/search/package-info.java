/**
 * The search behind {@link org.lunchrush.routing.RoutingSolver}: regret insertion to
 * build a first plan, then adaptive large neighbourhood search (Ropke and Pisinger,
 * 2006), first to take vehicles away (when the objective asks for it) and then to lower
 * the cost: distance, and for dispatch rounds weighted lateness and completion time.
 */
package org.lunchrush.routing.search;
