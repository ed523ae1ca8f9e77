/**
 * Promotions: coupon batches that students claim in a spike and spend on one order each
 * (claim, lock, redeem, release), and VIP membership.
 */
@ApplicationModule(displayName = "Promotion")
package org.lunchrush.promotion;

import org.springframework.modulith.ApplicationModule;
