/**
 * Campus dispatch: the policies that decide which rider carries which order and in which
 * order of stops, and the timing of a rider's route. Plain Java without Spring, so that
 * the platform's dispatch rounds and the lunch-rush simulator run the same code.
 */
package org.lunchrush.dispatch;
