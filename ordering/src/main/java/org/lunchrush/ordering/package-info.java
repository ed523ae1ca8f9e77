/**
 * The order aggregate and its state machine, order intake (the lunch-rush hot path), the
 * persistence pipeline, payment deadlines and the order timeline (消息轨迹).
 */
@ApplicationModule(displayName = "Ordering")
package org.lunchrush.ordering;

import org.springframework.modulith.ApplicationModule;
