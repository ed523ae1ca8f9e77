/**
 * The campus lunch-rush simulator behind {@code ./lunchrush simulate}: the demo campus's
 * rush in simulated time (students ordering after the class break, stall kitchens with
 * queues, riders riding and waiting), dispatched in rounds by the dispatch module's
 * strategies exactly as the platform's dispatch round calls them, audited, and compared.
 */
package org.lunchrush.campussim;
