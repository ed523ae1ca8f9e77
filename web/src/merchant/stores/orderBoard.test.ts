import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Order, OrderPage, OrderStatus } from '@shared/types'

// The platform as the store sees it: a list of orders the test changes between two looks.
const platform = vi.hoisted(() => ({ orders: [] as Order[] }))

vi.mock('../face', () => ({
  i18n: { global: { t: (key: string) => key } },
  client: {
    merchantOrders: async (status?: OrderStatus, page = 0, size = 50): Promise<OrderPage> => {
      const matching = platform.orders.filter((o) => !status || o.status === status)
      return { orders: matching.slice(page * size, (page + 1) * size), page, size, hasMore: matching.length > (page + 1) * size }
    },
    accept: async (orderId: string): Promise<Order> => {
      const found = platform.orders.find((o) => o.orderId === orderId)!
      found.status = 'ACCEPTED'
      return { ...found }
    },
  },
}))

const { useOrderBoardStore } = await import('./orderBoard')

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
    placedAt: new Date().toISOString(),
    payBy: null,
    cancellationRequested: false,
    promisedBy: null,
    eta: null,
    ...extra,
  }
}

const rung = () => (window.__lunchrushAlerts ?? []).map((a) => `${a.kind}:${a.orderId}`)

describe('useOrderBoardStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    window.__lunchrushAlerts = []
    platform.orders = []
  })

  it('does not ring on the first load, then rings for what arrives', async () => {
    platform.orders = [order('1', 'PAID'), order('2', 'ACCEPTED')]
    const board = useOrderBoardStore()
    await board.refresh()
    expect(board.columns.new.map((o) => o.orderId)).toEqual(['1'])
    expect(board.badge).toBe(1)
    expect(rung()).toEqual([])

    platform.orders.push(order('3', 'PAID'))
    platform.orders[1] = order('2', 'ACCEPTED', { cancellationRequested: true })
    await board.refresh()
    expect(rung()).toEqual(['order:3', 'cancellation:2'])
    expect(board.badge).toBe(2)
    expect(board.columns.cancellation.map((o) => o.orderId)).toEqual(['2'])

    await board.refresh()
    expect(rung()).toEqual(['order:3', 'cancellation:2'])
  })

  it("moves a card with the action's answer and lowers the badge", async () => {
    platform.orders = [order('1', 'PAID')]
    const board = useOrderBoardStore()
    await board.refresh()
    await board.accept('1')
    expect(board.columns.accepted.map((o) => o.orderId)).toEqual(['1'])
    expect(board.badge).toBe(0)
  })

  it('takes a pushed order and rings once for it', async () => {
    const board = useOrderBoardStore()
    await board.refresh()
    const pushed = order('9', 'PAID')
    board.apply(pushed)
    expect(board.columns.new.map((o) => o.orderId)).toEqual(['9'])
    platform.orders = [pushed]
    await board.refresh()
    expect(rung()).toEqual(['order:9'])
  })

  it('forgets everything on reset, so that the next first load is quiet', async () => {
    platform.orders = [order('1', 'PAID')]
    const board = useOrderBoardStore()
    await board.refresh()
    board.reset()
    expect(board.loaded).toBe(false)
    platform.orders.push(order('2', 'PAID'))
    await board.refresh()
    expect(rung()).toEqual([])
  })
})
