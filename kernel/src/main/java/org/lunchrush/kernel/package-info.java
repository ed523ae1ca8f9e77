/**
 * The shared kernel: stable error codes, time-ordered ids, campus time and the identity
 * of the caller. Kept deliberately tiny; every module may depend on it.
 */
package org.lunchrush.kernel;
