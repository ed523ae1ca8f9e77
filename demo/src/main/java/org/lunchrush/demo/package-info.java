/**
 * The demo campus that {@code ./lunchrush up} and the tests run on: buildings, canteens,
 * stalls, menus, stock, and an account for every role.
 */
@ApplicationModule(displayName = "Demo campus")
package org.lunchrush.demo;

import org.springframework.modulith.ApplicationModule;
