import type { RouteStop } from '@shared/types'

// Pure rules for taking in a new route from the platform (a poll now, a push later): which
// orders left the route without the rider having finished them, and which answers are too
// old to be shown.

export interface RouteChange {
  /** Orders that were on the route and are gone, though the rider did not deliver them. */
  vanished: string[]
  /** Orders that are on the route now and were not before (none on the first route seen). */
  added: string[]
  /** The orders still expected to leave: those of `expectedGone` still on the new route. */
  stillExpected: Set<string>
}

/** The distinct order ids of a route, in the order of their first stop. */
export function routeOrders(stops: readonly RouteStop[]): string[] {
  const seen = new Set<string>()
  for (const stop of stops) seen.add(stop.orderId)
  return [...seen]
}

/**
 * Compares the route shown (`previous`, null before the first answer) with the platform's new
 * one. An order that left the route is "vanished" (cancelled, or dispatch gave it to someone
 * else) unless the rider expected it to leave (`expectedGone`: the orders the rider delivered,
 * or gave back by going off shift). Once gone, an order is no longer expected, so that the same
 * order given back to the rider later and then cancelled is reported.
 */
export function diffRoute(
  previous: readonly RouteStop[] | null,
  next: readonly RouteStop[],
  expectedGone: ReadonlySet<string>,
): RouteChange {
  const nextOrders = new Set(routeOrders(next))
  const stillExpected = new Set([...expectedGone].filter((orderId) => nextOrders.has(orderId)))
  if (previous === null) return { vanished: [], added: [], stillExpected }
  const previousOrders = routeOrders(previous)
  const before = new Set(previousOrders)
  return {
    vanished: previousOrders.filter((orderId) => !nextOrders.has(orderId) && !expectedGone.has(orderId)),
    added: [...nextOrders].filter((orderId) => !before.has(orderId)),
    stillExpected,
  }
}

/**
 * Orders the rider has to pick up still (a PICKUP stop on the route): going off shift gives
 * these back to dispatch, so they are expected to leave.
 */
export function ordersToPickUp(stops: readonly RouteStop[]): string[] {
  return routeOrders(stops.filter((stop) => stop.kind === 'PICKUP'))
}

/**
 * Orders the rider carries (a DROPOFF stop and no PICKUP stop left).
 */
export function ordersInBag(stops: readonly RouteStop[]): string[] {
  const toPickUp = new Set(ordersToPickUp(stops))
  return routeOrders(stops.filter((stop) => stop.kind === 'DROPOFF' && !toPickUp.has(stop.orderId)))
}

/**
 * Keeps old answers from overwriting newer ones. A poll takes a ticket when it is sent; an
 * action (pick up, deliver, shift) takes its ticket when its answer arrives, so that a poll
 * sent before the action's answer, and answered after it, cannot bring back a stop the action
 * removed. An answer is shown only if its ticket is newer than the last one shown.
 */
export class RouteSequencer {
  private issued = 0
  private shown = 0

  /** A ticket for an answer about to be asked for (a poll) or just received (an action). */
  ticket(): number {
    this.issued += 1
    return this.issued
  }

  /** True, and remembered, when the answer with this ticket is to be shown. */
  accept(ticket: number): boolean {
    if (ticket <= this.shown) return false
    this.shown = ticket
    return true
  }
}
