/**
 * Per-item daily stock: the live counter in Redis that the order path reserves from, and
 * the ledger in PostgreSQL that it is rebuilt from.
 */
@ApplicationModule(displayName = "Inventory")
package org.lunchrush.inventory;

import org.springframework.modulith.ApplicationModule;
