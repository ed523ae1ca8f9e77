/**
 * The search behind {@link org.lunchrush.routing.RoutingSolver}: regret insertion to
 * build a first plan, then adaptive large neighbourhood search (Ropke and Pisinger,
 * 2006), first to take vehicles away and then to shorten the routes.
 */
package org.lunchrush.routing.search;
