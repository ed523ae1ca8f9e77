/**
 * The edge of the platform: authentication (JWT), authorisation by role, the caller's
 * identity for every controller, and the API's error bodies.
 */
@ApplicationModule(displayName = "Edge")
package org.lunchrush.edge;

import org.springframework.modulith.ApplicationModule;
