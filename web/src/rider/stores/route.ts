import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RouteStop } from '@shared/types'
import { client } from '../face'
import { announceVanished } from '../notices'
import { diffRoute, ordersInBag, ordersToPickUp, RouteSequencer, routeOrders } from '../routeDiff'

/**
 * The rider's route as the platform last gave it: the stops in order. Every answer (a poll
 * through refresh(), an action's answer, later a push through receive()) goes through take(),
 * which drops answers older than the one shown and announces orders that left the route
 * without being delivered.
 */
export const useRouteStore = defineStore('rider-route', () => {
  const stops = ref<RouteStop[]>([])
  const loaded = ref(false)
  /** The order whose pick-up or hand-over is being sent, if any. */
  const busyOrderId = ref<string | null>(null)
  /** The shift is changing: polls wait. */
  const changing = ref(false)
  let sequencer = new RouteSequencer()
  /** Orders the rider expects to leave the route (delivered, or given back off shift). */
  let expectedGone = new Set<string>()

  const orderCount = computed(() => routeOrders(stops.value).length)
  const toPickUp = computed(() => new Set(ordersToPickUp(stops.value)))
  const inBag = computed(() => ordersInBag(stops.value))

  /** Shows the platform's route, if it is newer than the one shown. */
  function take(ticket: number, next: RouteStop[]) {
    if (!sequencer.accept(ticket)) return
    const change = diffRoute(loaded.value ? stops.value : null, next, expectedGone)
    expectedGone = change.stillExpected
    stops.value = next
    loaded.value = true
    announceVanished(change.vanished)
  }

  /** Asks the platform for the route (the poll; a push channel will call receive() instead). */
  async function refresh() {
    if (busyOrderId.value !== null || changing.value) return
    const ticket = sequencer.ticket()
    take(ticket, await client.tasks())
  }

  async function pickup(stop: RouteStop) {
    await act(stop, () => client.pickup(stop.orderId))
  }

  async function deliver(stop: RouteStop) {
    await act(stop, async () => {
      const answer = await client.deliver(stop.orderId)
      expectedGone.add(stop.orderId)
      return answer
    })
  }

  async function act(stop: RouteStop, call: () => Promise<RouteStop[]>) {
    busyOrderId.value = stop.orderId
    try {
      const answer = await call()
      take(sequencer.ticket(), answer)
    } finally {
      busyOrderId.value = null
    }
  }

  /** Shows a route the platform pushed (the push channel to come). */
  function receive(next: RouteStop[]) {
    take(sequencer.ticket(), next)
  }

  /**
   * Goes off shift through `goOff`: the orders not picked up go back to dispatch, so their
   * leaving the route is no news. No poll is taken in meanwhile; the route is asked for after.
   */
  async function releaseWith(goOff: () => Promise<unknown>) {
    const released = ordersToPickUp(stops.value).filter((orderId) => !expectedGone.has(orderId))
    for (const orderId of released) expectedGone.add(orderId)
    changing.value = true
    try {
      await goOff()
    } catch (failure) {
      for (const orderId of released) expectedGone.delete(orderId)
      throw failure
    } finally {
      changing.value = false
    }
    await refresh()
  }

  /** Forgets the route (logout). */
  function clear() {
    stops.value = []
    loaded.value = false
    busyOrderId.value = null
    changing.value = false
    sequencer = new RouteSequencer()
    expectedGone = new Set()
  }

  return { stops, loaded, busyOrderId, orderCount, toPickUp, inBag, receive, refresh, pickup, deliver, releaseWith, clear }
})
