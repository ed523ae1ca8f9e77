package org.lunchrush.ordering.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of an order's timeline (消息轨迹).
 *
 * @param traceId the W3C trace id of the work that wrote the entry (a request, a message,
 * a scheduled run): what to look for in the logs and spans; empty for entries written
 * before it was kept
 */
public record TimelineEntry(Instant at, String type, String detail, Optional<String> traceId) {
}
