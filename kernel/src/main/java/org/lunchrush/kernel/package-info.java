/**
 * The shared kernel: stable error codes, time-ordered ids, campus time, the identity of
 * the caller and the trace of the work at hand. Kept deliberately tiny; every module may
 * depend on it.
 */
package org.lunchrush.kernel;
