/**
 * Campuses, dorm buildings (楼栋), canteens and merchants, menus (items, their categories
 * and pictures), opening hours and delivery zones. Mostly reference data, so the module
 * stays flat; the order path reads it from an in-process snapshot.
 */
@ApplicationModule(displayName = "Catalog")
package org.lunchrush.catalog;

import org.springframework.modulith.ApplicationModule;
