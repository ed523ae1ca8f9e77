package org.lunchrush.ordering.persistence;

import java.time.Instant;

/**
 * One line of an order's timeline (消息轨迹).
 */
public record TimelineEntry(Instant at, String type, String detail) {
}
