import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { RouteStop } from '@shared/types'

// The store with the platform and the notice replaced: what the rider is told when a poll,
// an action or going off shift changes the route.

const platform = vi.hoisted(() => ({
  tasks: vi.fn<() => Promise<RouteStop[]>>(),
  pickup: vi.fn<(orderId: string) => Promise<RouteStop[]>>(),
  deliver: vi.fn<(orderId: string) => Promise<RouteStop[]>>(),
}))
const announced = vi.hoisted(() => [] as string[][])

vi.mock('./face', () => ({ client: platform }))
vi.mock('./notices', () => ({ announceVanished: (orderIds: string[]) => orderIds.length && announced.push([...orderIds]) }))

const { useRouteStore } = await import('./stores/route')

const stop = (orderId: string, kind: RouteStop['kind'], buildingId = kind === 'PICKUP' ? 15 : 3): RouteStop => ({
  orderId,
  kind,
  buildingId,
  eta: '2026-11-24T11:40:00+08:00',
})

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

beforeEach(() => {
  setActivePinia(createPinia())
  announced.length = 0
  vi.clearAllMocks()
})

describe('useRouteStore', () => {
  it('announces an order cancelled between two polls, and drops its stops', async () => {
    const route = useRouteStore()
    platform.tasks.mockResolvedValueOnce([stop('1', 'PICKUP'), stop('2', 'PICKUP'), stop('1', 'DROPOFF'), stop('2', 'DROPOFF')])
    await route.refresh()
    expect(announced).toEqual([])
    platform.tasks.mockResolvedValueOnce([stop('1', 'PICKUP'), stop('1', 'DROPOFF')])
    await route.refresh()
    expect(announced).toEqual([['2']])
    expect(route.stops.map((s) => s.orderId)).toEqual(['1', '1'])
  })

  it('shows the answer of a pick-up and says nothing', async () => {
    const route = useRouteStore()
    platform.tasks.mockResolvedValueOnce([stop('1', 'PICKUP'), stop('1', 'DROPOFF')])
    await route.refresh()
    platform.pickup.mockResolvedValueOnce([stop('1', 'DROPOFF')])
    await route.pickup(stop('1', 'PICKUP'))
    expect(route.stops).toEqual([stop('1', 'DROPOFF')])
    expect(route.inBag).toEqual(['1'])
    expect(announced).toEqual([])
  })

  it('says nothing of an order the rider delivered, even when a late poll still had it', async () => {
    const route = useRouteStore()
    platform.tasks.mockResolvedValueOnce([stop('1', 'DROPOFF'), stop('2', 'DROPOFF')])
    await route.refresh()
    const latePoll = deferred<RouteStop[]>()
    platform.tasks.mockReturnValueOnce(latePoll.promise)
    const polling = route.refresh()
    platform.deliver.mockResolvedValueOnce([stop('2', 'DROPOFF')])
    await route.deliver(stop('1', 'DROPOFF'))
    latePoll.resolve([stop('1', 'DROPOFF'), stop('2', 'DROPOFF')])
    await polling
    expect(route.stops).toEqual([stop('2', 'DROPOFF')])
    platform.tasks.mockResolvedValueOnce([stop('2', 'DROPOFF')])
    await route.refresh()
    expect(announced).toEqual([])
  })

  it('going off shift: the orders not picked up leave quietly, a cancelled one in the bag is announced', async () => {
    const route = useRouteStore()
    platform.tasks.mockResolvedValueOnce([stop('1', 'PICKUP'), stop('2', 'DROPOFF'), stop('1', 'DROPOFF'), stop('3', 'DROPOFF')])
    await route.refresh()
    platform.tasks.mockResolvedValueOnce([stop('3', 'DROPOFF')])
    await route.releaseWith(async () => undefined)
    expect(announced).toEqual([['2']])
  })

  it('a refused shift change leaves the orders expected to stay', async () => {
    const route = useRouteStore()
    platform.tasks.mockResolvedValueOnce([stop('1', 'PICKUP'), stop('1', 'DROPOFF')])
    await route.refresh()
    await expect(route.releaseWith(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused')
    platform.tasks.mockResolvedValueOnce([])
    await route.refresh()
    expect(announced).toEqual([['1']])
  })

  it('announces an order pushed away (receive)', async () => {
    const route = useRouteStore()
    route.receive([stop('5', 'DROPOFF')])
    route.receive([])
    expect(announced).toEqual([['5']])
  })
})
