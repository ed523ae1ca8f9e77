import { describe, expect, it } from 'vitest'
import type { Order, OrderStatus } from '@shared/types'
import {
  badgeCount,
  campusDay,
  columnOf,
  compareIds,
  detectArrivals,
  documentTitle,
  groupOrders,
  mergeSnapshot,
  uniqueOrders,
} from './board'

// 2026-12-06 12:00 in campus time (UTC+8).
const NOON = Date.parse('2026-12-06T12:00:00+08:00')

function order(orderId: string, status: OrderStatus, extra: Partial<Order> = {}): Order {
  return {
    orderId,
    status,
    totalCents: 1500,
    subtotalCents: 1500,
    discountCents: 0,
    couponId: null,
    items: [{ itemId: 1, name: '宫保鸡丁', unitPriceCents: 1500, quantity: 1 }],
    merchantId: 1,
    deliveryBuildingId: 8,
    note: null,
    placedAt: '2026-12-06T11:30:00+08:00',
    payBy: null,
    cancellationRequested: false,
    promisedBy: null,
    eta: null,
    ...extra,
  }
}

const byId = (orders: Order[]) => new Map(orders.map((o) => [o.orderId, o]))
const ids = (orders: Order[]) => orders.map((o) => o.orderId)

describe('campusDay', () => {
  it('counts the day in campus time, not UTC', () => {
    expect(campusDay('2026-12-05T23:30:00+08:00')).toBe('2026-12-05')
    expect(campusDay('2026-12-05T16:30:00Z')).toBe('2026-12-06') // 00:30 on campus
    expect(campusDay(NOON)).toBe('2026-12-06')
  })
})

describe('columnOf', () => {
  const today = '2026-12-06'

  it('puts each state in its column', () => {
    expect(columnOf(order('1', 'PAID'), today)).toBe('new')
    expect(columnOf(order('1', 'ACCEPTED'), today)).toBe('accepted')
    expect(columnOf(order('1', 'READY'), today)).toBe('ready')
    expect(columnOf(order('1', 'PICKED_UP'), today)).toBe('out')
    expect(columnOf(order('1', 'DELIVERED'), today)).toBe('done')
    expect(columnOf(order('1', 'CANCELLED'), today)).toBe('done')
    expect(columnOf(order('1', 'REFUNDED'), today)).toBe('done')
  })

  it('leaves out orders not paid yet', () => {
    expect(columnOf(order('1', 'PLACED'), today)).toBeNull()
    expect(columnOf(order('1', 'PENDING_PAYMENT'), today)).toBeNull()
  })

  it('moves accepted and ready orders with a cancellation request to the requests column', () => {
    expect(columnOf(order('1', 'ACCEPTED', { cancellationRequested: true }), today)).toBe('cancellation')
    expect(columnOf(order('1', 'READY', { cancellationRequested: true }), today)).toBe('cancellation')
  })

  it('shows finished orders of today only', () => {
    const yesterday = { placedAt: '2026-12-05T12:00:00+08:00' }
    expect(columnOf(order('1', 'DELIVERED', yesterday), today)).toBeNull()
    expect(columnOf(order('1', 'REFUNDED', yesterday), today)).toBeNull()
    // a working order from yesterday still needs the stall
    expect(columnOf(order('1', 'ACCEPTED', yesterday), today)).toBe('accepted')
  })
})

describe('groupOrders', () => {
  it('sorts working columns oldest first and the done column newest first', () => {
    const columns = groupOrders(
      [
        order('30', 'PAID', { placedAt: '2026-12-06T11:50:00+08:00' }),
        order('10', 'PAID', { placedAt: '2026-12-06T11:40:00+08:00' }),
        order('20', 'PAID', { placedAt: '2026-12-06T11:45:00+08:00' }),
        order('40', 'DELIVERED', { placedAt: '2026-12-06T10:00:00+08:00' }),
        order('50', 'CANCELLED', { placedAt: '2026-12-06T11:00:00+08:00' }),
        order('60', 'ACCEPTED', { cancellationRequested: true }),
        order('70', 'READY'),
        order('80', 'PICKED_UP'),
        order('90', 'PENDING_PAYMENT'),
      ],
      NOON,
    )
    expect(ids(columns.new)).toEqual(['10', '20', '30'])
    expect(ids(columns.done)).toEqual(['50', '40'])
    expect(ids(columns.cancellation)).toEqual(['60'])
    expect(ids(columns.accepted)).toEqual([])
    expect(ids(columns.ready)).toEqual(['70'])
    expect(ids(columns.out)).toEqual(['80'])
  })

  it('breaks a tie on the placing time by order id, as numbers', () => {
    const at = { placedAt: '2026-12-06T11:40:00+08:00' }
    const columns = groupOrders([order('100', 'PAID', at), order('99', 'PAID', at)], NOON)
    expect(ids(columns.new)).toEqual(['99', '100'])
    expect(compareIds('917314705785743650', '917314705785743651')).toBeLessThan(0)
  })
})

describe('badge', () => {
  it('counts the paid orders waiting for the stall', () => {
    expect(badgeCount([order('1', 'PAID'), order('2', 'PAID'), order('3', 'ACCEPTED'), order('4', 'CANCELLED')])).toBe(2)
    expect(badgeCount([])).toBe(0)
  })

  it('goes into the tab title only when something waits', () => {
    expect(documentTitle('商家后台 - Lunchrush', 2)).toBe('(2) 商家后台 - Lunchrush')
    expect(documentTitle('商家后台 - Lunchrush', 0)).toBe('商家后台 - Lunchrush')
  })
})

describe('detectArrivals', () => {
  it('rings for an order seen for the first time as paid', () => {
    const before = byId([order('1', 'PAID')])
    expect(detectArrivals(before, [order('1', 'PAID'), order('2', 'PAID')])).toEqual([{ kind: 'order', orderId: '2' }])
  })

  it('rings when a known unpaid order gets paid', () => {
    const before = byId([order('1', 'PENDING_PAYMENT')])
    expect(detectArrivals(before, [order('1', 'PAID')])).toEqual([{ kind: 'order', orderId: '1' }])
  })

  it('rings for an order accepted on arrival (auto-accept)', () => {
    expect(detectArrivals(new Map(), [order('1', 'ACCEPTED')])).toEqual([{ kind: 'order', orderId: '1' }])
  })

  it('does not ring again for an order the stall moved on', () => {
    const before = byId([order('1', 'PAID'), order('2', 'ACCEPTED')])
    expect(detectArrivals(before, [order('1', 'ACCEPTED'), order('2', 'READY')])).toEqual([])
    // a late answer showing it paid again is not a new order either
    expect(detectArrivals(byId([order('1', 'ACCEPTED')]), [order('1', 'PAID')])).toEqual([])
  })

  it('does not ring for an unpaid order or one already finished', () => {
    expect(detectArrivals(new Map(), [order('1', 'PENDING_PAYMENT'), order('2', 'DELIVERED'), order('3', 'READY')])).toEqual([])
  })

  it('rings for a new cancellation request, once', () => {
    const before = byId([order('1', 'ACCEPTED'), order('2', 'READY', { cancellationRequested: true })])
    const next = [order('1', 'ACCEPTED', { cancellationRequested: true }), order('2', 'READY', { cancellationRequested: true })]
    expect(detectArrivals(before, next)).toEqual([{ kind: 'cancellation', orderId: '1' }])
    expect(detectArrivals(byId(next), next)).toEqual([])
  })

  it('rings for a request asked again after the stall declined one', () => {
    const declined = byId([order('1', 'ACCEPTED', { cancellationRequested: false })])
    expect(detectArrivals(declined, [order('1', 'ACCEPTED', { cancellationRequested: true })])).toEqual([
      { kind: 'cancellation', orderId: '1' },
    ])
  })
})

describe('mergeSnapshot', () => {
  it('takes what the platform answered and drops what it no longer lists', () => {
    const current = byId([order('1', 'PAID'), order('2', 'DELIVERED')])
    const next = mergeSnapshot(current, [order('1', 'ACCEPTED')], new Set())
    expect([...next.values()].map((o) => [o.orderId, o.status])).toEqual([['1', 'ACCEPTED']])
  })

  it('keeps the object of an unchanged order, so that its card is not drawn again', () => {
    const known = order('1', 'PAID')
    const next = mergeSnapshot(byId([known]), [order('1', 'PAID')], new Set())
    expect(next.get('1')).toBe(known)
  })

  it("keeps the board's own newer version of an order changed while the look was under way", () => {
    const accepted = order('1', 'ACCEPTED')
    const next = mergeSnapshot(byId([accepted]), [order('1', 'PAID')], new Set(['1']))
    expect(next.get('1')).toBe(accepted)
    // and one the look did not list at all
    const applied = order('2', 'PAID')
    expect(mergeSnapshot(byId([applied]), [], new Set(['2'])).get('2')).toBe(applied)
  })
})

describe('uniqueOrders', () => {
  it('lists each order once, the first answer kept', () => {
    const first = order('1', 'PAID')
    const merged = uniqueOrders([[first], [order('1', 'ACCEPTED'), order('2', 'READY')]])
    expect(merged.map((o) => o.orderId)).toEqual(['1', '2'])
    expect(merged[0]).toBe(first)
  })
})
