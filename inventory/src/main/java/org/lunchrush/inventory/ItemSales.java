package org.lunchrush.inventory;

/**
 * The portions of one item that a day's orders hold: reserved less released.
 */
public record ItemSales(long merchantId, long itemId, int portions) {

}
