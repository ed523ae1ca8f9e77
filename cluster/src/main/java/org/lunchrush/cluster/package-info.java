/**
 * Cluster: many platform processes behaving as one. Leases for the work that must run in
 * one process at a time (payment deadlines, reconciliation, dispatch rounds, outbox
 * resubmission, the live-state rebuild), each with a fencing token, and the registry of
 * the processes alive.
 */
@ApplicationModule(displayName = "Cluster")
package org.lunchrush.cluster;

import org.springframework.modulith.ApplicationModule;
