/**
 * Notification: live pushes to students, merchants and riders over server-sent events,
 * fed by the order event stream and the live notices that every platform process reads
 * for the clients connected to it.
 */
@ApplicationModule(displayName = "Notification")
package org.lunchrush.notification;

import org.springframework.modulith.ApplicationModule;
