// The order board's logic, kept free of Vue, Pinia and the network so that Vitest can run it:
// which column an order stands in, what changed between two looks at the platform, how many
// orders wait for the stall. The orders themselves are the platform's answers, never edited.
import type { Order, OrderStatus } from '@shared/types'

export type ColumnKey = 'new' | 'accepted' | 'ready' | 'out' | 'done' | 'cancellation'

/** The columns, left to right, as the board shows them. */
export const COLUMNS: readonly ColumnKey[] = ['new', 'cancellation', 'accepted', 'ready', 'out', 'done']

/** The states the board asks the platform for one by one (they may be older than today). */
export const ACTIVE_STATUSES: readonly OrderStatus[] = ['PAID', 'ACCEPTED', 'READY', 'PICKED_UP']

const CAMPUS_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The campus day ("YYYY-MM-DD", Asia/Shanghai) of an instant. */
export function campusDay(at: string | number | Date): string {
  return CAMPUS_DAY.format(new Date(at))
}

/**
 * The column of an order, or null when the board does not show it (not paid yet, or finished
 * on another day). A pending cancellation request takes the order out of its usual column:
 * the stall has to answer it first.
 */
export function columnOf(order: Order, today: string): ColumnKey | null {
  switch (order.status) {
    case 'PAID':
      return 'new'
    case 'ACCEPTED':
      return order.cancellationRequested ? 'cancellation' : 'accepted'
    case 'READY':
      return order.cancellationRequested ? 'cancellation' : 'ready'
    case 'PICKED_UP':
      return 'out'
    case 'DELIVERED':
    case 'CANCELLED':
    case 'REFUNDED':
      return campusDay(order.placedAt) === today ? 'done' : null
    default:
      return null
  }
}

export type BoardColumns = Record<ColumnKey, Order[]>

function byPlacedAt(a: Order, b: Order): number {
  const diff = Date.parse(a.placedAt) - Date.parse(b.placedAt)
  if (diff !== 0) return diff
  return compareIds(a.orderId, b.orderId)
}

/** Order ids are decimal strings of up to 19 digits: compared by length, then text. */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0
}

/**
 * The orders sorted into the board's columns: the ones to work on oldest first (first come,
 * first served), the finished ones newest first.
 */
export function groupOrders(orders: Iterable<Order>, now: number | Date = Date.now()): BoardColumns {
  const today = campusDay(now)
  const columns: BoardColumns = { new: [], accepted: [], ready: [], out: [], done: [], cancellation: [] }
  for (const order of orders) {
    const column = columnOf(order, today)
    if (column) columns[column].push(order)
  }
  for (const key of COLUMNS) {
    columns[key].sort(byPlacedAt)
  }
  columns.done.reverse()
  return columns
}

/**
 * The badge: new orders the stall has not taken or refused yet. Taken from the orders as the
 * platform answered, not from the alerts, so that a colleague's click on another screen
 * lowers it too.
 */
export function badgeCount(orders: Iterable<Order>): number {
  let count = 0
  for (const order of orders) if (order.status === 'PAID') count++
  return count
}

/** Title of the browser tab: "(2) 商家后台 - Lunchrush" while two new orders wait. */
export function documentTitle(base: string, badge: number): string {
  return badge > 0 ? `(${badge}) ${base}` : base
}

export type ArrivalKind = 'order' | 'cancellation' | 'urge'

export interface Arrival {
  kind: ArrivalKind
  orderId: string
}

const BEFORE_PAYMENT: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['PLACED', 'PENDING_PAYMENT'])

/**
 * Is `next` an order that has just come in for the stall? It is paid now (or already accepted:
 * with auto-accept the platform moves a paid order to ACCEPTED in the same step) and the
 * board had not seen it paid before.
 */
function isNewOrder(previous: Order | undefined, next: Order): boolean {
  if (next.status === 'PAID') return previous === undefined || BEFORE_PAYMENT.has(previous.status)
  if (next.status === 'ACCEPTED') return previous === undefined || BEFORE_PAYMENT.has(previous.status)
  return false
}

function isNewCancellation(previous: Order | undefined, next: Order): boolean {
  if (!next.cancellationRequested || (next.status !== 'ACCEPTED' && next.status !== 'READY')) return false
  return previous === undefined || !previous.cancellationRequested
}

/**
 * What rings: orders that became new and cancellation requests that appeared between the
 * board's previous knowledge and the platform's latest answer. The caller skips this on the
 * first load (everything would look new).
 */
export function detectArrivals(previous: ReadonlyMap<string, Order>, next: Iterable<Order>): Arrival[] {
  const arrivals: Arrival[] = []
  for (const order of next) {
    const before = previous.get(order.orderId)
    if (isNewOrder(before, order)) arrivals.push({ kind: 'order', orderId: order.orderId })
    else if (isNewCancellation(before, order)) arrivals.push({ kind: 'cancellation', orderId: order.orderId })
  }
  return arrivals
}

/** Two answers about the same order say the same thing (so the card need not be drawn again). */
export function sameOrder(a: Order, b: Order): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The board after a full look at the platform. The orders answered replace what the board
 * knew; an order the board changed itself (an action's answer, a push) after the look began
 * keeps that newer version, since the look may have been answered before the change. Orders
 * whose content did not change keep their object, so their cards are not drawn again.
 */
export function mergeSnapshot(
  current: ReadonlyMap<string, Order>,
  fetched: Iterable<Order>,
  changedSince: ReadonlySet<string>,
): Map<string, Order> {
  const next = new Map<string, Order>()
  for (const order of fetched) {
    const known = current.get(order.orderId)
    if (known && changedSince.has(order.orderId)) next.set(order.orderId, known)
    else if (known && sameOrder(known, order)) next.set(order.orderId, known)
    else next.set(order.orderId, order)
  }
  for (const id of changedSince) {
    const known = current.get(id)
    if (known && !next.has(id)) next.set(id, known)
  }
  return next
}

/** Several pages and status lists answered together: each order once, the first answer kept. */
export function uniqueOrders(lists: Iterable<readonly Order[]>): Order[] {
  const seen = new Map<string, Order>()
  for (const list of lists) for (const order of list) if (!seen.has(order.orderId)) seen.set(order.orderId, order)
  return [...seen.values()]
}
