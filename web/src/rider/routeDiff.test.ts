import { describe, expect, it } from 'vitest'
import type { RouteStop } from '@shared/types'
import { diffRoute, ordersInBag, ordersToPickUp, RouteSequencer, routeOrders } from './routeDiff'

const pickup = (orderId: string, buildingId = 15): RouteStop => ({
  orderId,
  kind: 'PICKUP',
  buildingId,
  eta: '2026-11-24T11:40:00+08:00',
})
const dropoff = (orderId: string, buildingId = 3): RouteStop => ({
  orderId,
  kind: 'DROPOFF',
  buildingId,
  eta: '2026-11-24T11:48:00+08:00',
})

describe('routeOrders', () => {
  it('lists each order once, in the order of its first stop', () => {
    expect(routeOrders([pickup('2'), pickup('1'), dropoff('2'), dropoff('1')])).toEqual(['2', '1'])
  })
})

describe('diffRoute', () => {
  it('reports nothing for the first route seen', () => {
    const change = diffRoute(null, [pickup('1'), dropoff('1')], new Set())
    expect(change.vanished).toEqual([])
    expect(change.added).toEqual([])
  })

  it('reports an order that left the route without being delivered (cancelled)', () => {
    const before = [pickup('1'), pickup('2'), dropoff('1'), dropoff('2')]
    const after = [pickup('1'), dropoff('1')]
    expect(diffRoute(before, after, new Set()).vanished).toEqual(['2'])
  })

  it('reports every order gone, once each, in route order', () => {
    const before = [pickup('7'), pickup('5'), dropoff('5'), dropoff('7'), pickup('9'), dropoff('9')]
    expect(diffRoute(before, [pickup('9'), dropoff('9')], new Set()).vanished).toEqual(['7', '5'])
  })

  it('reports an order moved to another rider while in the bag', () => {
    expect(diffRoute([dropoff('4')], [], new Set()).vanished).toEqual(['4'])
  })

  it('says nothing of an order the rider delivered', () => {
    const change = diffRoute([dropoff('1'), dropoff('2')], [dropoff('2')], new Set(['1']))
    expect(change.vanished).toEqual([])
  })

  it('says nothing when an order only lost its pickup stop (picked up)', () => {
    const change = diffRoute([pickup('1'), dropoff('1')], [dropoff('1')], new Set())
    expect(change.vanished).toEqual([])
    expect(change.added).toEqual([])
  })

  it('says nothing of orders given back by going off shift, but reports a cancelled one in the bag', () => {
    const before = [pickup('1'), dropoff('1'), dropoff('2'), dropoff('3')]
    const change = diffRoute(before, [dropoff('3')], new Set(ordersToPickUp(before)))
    expect(change.vanished).toEqual(['2'])
  })

  it('lists the orders new on the route', () => {
    expect(diffRoute([pickup('1')], [pickup('1'), pickup('2'), dropoff('2')], new Set()).added).toEqual(['2'])
  })

  it('forgets an expected order once it has left, so that its return and cancellation are reported', () => {
    const first = diffRoute([dropoff('1')], [], new Set(['1']))
    expect(first.vanished).toEqual([])
    expect([...first.stillExpected]).toEqual([])
    // Dispatch gives the order to the rider again; then it is cancelled.
    const again = diffRoute([], [pickup('1'), dropoff('1')], first.stillExpected)
    expect(again.added).toEqual(['1'])
    expect(diffRoute([pickup('1'), dropoff('1')], [], again.stillExpected).vanished).toEqual(['1'])
  })

  it('keeps expecting an order still on the route', () => {
    const change = diffRoute([dropoff('1')], [dropoff('1')], new Set(['1']))
    expect([...change.stillExpected]).toEqual(['1'])
  })

  it('does not change its inputs', () => {
    const before = [pickup('1'), dropoff('1')]
    const expected = new Set(['9'])
    diffRoute(before, [], expected)
    expect(before).toEqual([pickup('1'), dropoff('1')])
    expect([...expected]).toEqual(['9'])
  })
})

describe('ordersToPickUp and ordersInBag', () => {
  it('tells the orders still to pick up from those carried', () => {
    const stops = [pickup('1'), dropoff('2'), dropoff('1'), dropoff('3')]
    expect(ordersToPickUp(stops)).toEqual(['1'])
    expect(ordersInBag(stops)).toEqual(['2', '3'])
  })
})

describe('RouteSequencer', () => {
  it('shows answers in the order they were asked for', () => {
    const sequencer = new RouteSequencer()
    const first = sequencer.ticket()
    const second = sequencer.ticket()
    expect(sequencer.accept(second)).toBe(true)
    expect(sequencer.accept(first)).toBe(false)
  })

  it('drops a poll sent before an action answered and answered after it', () => {
    const sequencer = new RouteSequencer()
    const poll = sequencer.ticket()
    const action = sequencer.ticket() // taken when the action's answer arrives
    expect(sequencer.accept(action)).toBe(true)
    expect(sequencer.accept(poll)).toBe(false)
    expect(sequencer.accept(sequencer.ticket())).toBe(true)
  })
})
