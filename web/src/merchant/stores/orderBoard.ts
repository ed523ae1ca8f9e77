import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { ApiError } from '@shared/api'
import { shortId, yuan } from '@shared/format'
import type { Order, OrderStatus } from '@shared/types'
import { client, i18n } from '../face'
import {
  ACTIVE_STATUSES,
  badgeCount,
  detectArrivals,
  groupOrders,
  mergeSnapshot,
  uniqueOrders,
  type Arrival,
} from '../board'
import { ring } from '../alerts'
import { cleanReason } from '../rules'
import { startTicker } from '../ticker'

/** A fallback: the push channel makes the board ask again as soon as something happens. */
export const BOARD_REFRESH_MS = 15000
/** Orders asked per page (the platform's maximum) and pages per state at most. */
const PAGE_SIZE = 100
const MAX_PAGES = 5

/**
 * The stall's live order board: every order the board shows, as the platform last answered.
 * It looks at the platform every two seconds for now; a push channel can hand it an order
 * (`apply`) or ask for a fresh look (`refresh`). New orders and new cancellation requests
 * ring (alerts.ts), except on the first load.
 */
export const useOrderBoardStore = defineStore('orderBoard', () => {
  const orders = shallowRef<ReadonlyMap<string, Order>>(new Map())
  const loaded = ref(false)
  /** Whether the push channel is open (App.vue keeps it): the board is live, not polled. */
  const connected = ref(false)
  const failure = ref<unknown>(null)
  const updatedAt = ref<number | null>(null)
  /** Orders with an action on its way to the platform. */
  const working = ref<Record<string, boolean>>({})
  /** The clock the columns were sorted with (moves with each refresh, for "today"). */
  const now = ref(Date.now())

  const columns = computed(() => groupOrders(orders.value.values(), now.value))
  const badge = computed(() => badgeCount(orders.value.values()))

  /** Orders the board changed itself since the look under way began. */
  let changedSince = new Set<string>()
  let inFlight: Promise<void> | null = null
  let again = false
  let stopTicker: (() => void) | null = null
  let generation = 0

  async function listStatus(status: OrderStatus | undefined, pages: number): Promise<Order[]> {
    const found: Order[] = []
    for (let page = 0; page < pages; page++) {
      const answer = await client.merchantOrders(status, page, PAGE_SIZE)
      found.push(...answer.orders)
      if (!answer.hasMore) break
    }
    return found
  }

  /** The orders in the working states, plus the latest ones of any state (for "done today"). */
  async function lookAtPlatform(): Promise<Order[]> {
    const lists = await Promise.all([
      ...ACTIVE_STATUSES.map((status) => listStatus(status, MAX_PAGES)),
      listStatus(undefined, 1),
    ])
    return uniqueOrders(lists)
  }

  async function look() {
    const mine = generation
    changedSince = new Set()
    try {
      const fetched = await lookAtPlatform()
      if (mine !== generation) return
      const previous = orders.value
      const next = mergeSnapshot(previous, fetched, changedSince)
      const arrivals = loaded.value ? detectArrivals(previous, next.values()) : []
      orders.value = next
      now.value = Date.now()
      updatedAt.value = now.value
      loaded.value = true
      failure.value = null
      announce(arrivals, next)
    } catch (error) {
      if (mine === generation) failure.value = error
    }
  }

  /**
   * A fresh look at the platform. Asked while a look is under way, one more look follows it
   * (the one under way may have been answered before what prompted the call).
   */
  function refresh(): Promise<void> {
    if (inFlight) {
      again = true
      return inFlight
    }
    inFlight = (async () => {
      do {
        again = false
        await look()
      } while (again)
    })().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  /** One order as the platform now has it (an action's answer, or a push). */
  function apply(order: Order) {
    const arrivals = loaded.value ? detectArrivals(orders.value, [order]) : []
    const next = new Map(orders.value)
    next.set(order.orderId, order)
    orders.value = next
    changedSince.add(order.orderId)
    announce(arrivals, next)
  }

  /** When each order was last urged (催单) by its student, from the push channel. */
  const urgedAt = ref<Record<string, string>>({})

  /** A 催单 came in: mark the card and ring. */
  function urged(orderId: string, at: string) {
    urgedAt.value = { ...urgedAt.value, [orderId]: at }
    announce([{ kind: 'urge', orderId }], orders.value)
  }

  function announce(arrivals: Arrival[], known: ReadonlyMap<string, Order>) {
    if (arrivals.length === 0) return
    const t = i18n.global.t
    ring(arrivals, (arrival) => {
      const order = known.get(arrival.orderId)
      const id = shortId(arrival.orderId)
      if (arrival.kind === 'urge') {
        return { title: t('board.notify.urgeTitle', { id }), body: t('board.notify.urgeBody') }
      }
      if (arrival.kind === 'cancellation') {
        return { title: t('board.notify.cancellationTitle', { id }), body: t('board.notify.cancellationBody') }
      }
      const items = (order?.items ?? []).map((line) => `${line.name}×${line.quantity}`).join('、')
      return {
        title: t('board.notify.orderTitle', { id }),
        body: t('board.notify.orderBody', { items, amount: yuan(order?.totalCents ?? 0) }),
      }
    })
  }

  async function act(orderId: string, call: () => Promise<Order>): Promise<Order> {
    working.value = { ...working.value, [orderId]: true }
    try {
      const answer = await call()
      apply(answer)
      return answer
    } catch (error) {
      // Someone else moved the order (another screen, the student, auto-accept): look again.
      if (error instanceof ApiError && (error.code === 'ORDER_STATE_CONFLICT' || error.code === 'ORDER_NOT_FOUND')) {
        void refresh()
      }
      throw error
    } finally {
      const rest = { ...working.value }
      delete rest[orderId]
      working.value = rest
    }
  }

  const accept = (orderId: string) => act(orderId, () => client.accept(orderId))
  const reject = (orderId: string, reason?: string) =>
    act(orderId, () => client.reject(orderId, cleanReason(reason ?? '')))
  const ready = (orderId: string) => act(orderId, () => client.ready(orderId))
  const approveCancellation = (orderId: string) => act(orderId, () => client.approveCancellation(orderId))
  const declineCancellation = (orderId: string, reason?: string) =>
    act(orderId, () => client.declineCancellation(orderId, cleanReason(reason ?? '')))

  function onVisible() {
    if (document.visibilityState === 'visible') void refresh()
  }

  function start() {
    if (stopTicker) return
    void refresh()
    stopTicker = startTicker(BOARD_REFRESH_MS, () => void refresh())
    document.addEventListener('visibilitychange', onVisible)
  }

  function stop() {
    stopTicker?.()
    stopTicker = null
    document.removeEventListener('visibilitychange', onVisible)
  }

  /** Signed out: forget everything, so that the next account's first load does not ring. */
  function reset() {
    stop()
    generation++
    orders.value = new Map()
    loaded.value = false
    failure.value = null
    updatedAt.value = null
    working.value = {}
    changedSince = new Set()
  }

  return {
    orders,
    loaded,
    connected,
    urgedAt,
    urged,
    failure,
    updatedAt,
    working,
    columns,
    badge,
    refresh,
    apply,
    start,
    stop,
    reset,
    accept,
    reject,
    ready,
    approveCancellation,
    declineCancellation,
  }
})
