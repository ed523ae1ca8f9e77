import { describe, expect, it } from 'vitest'
import { cancelRule, isFinal, settled, stepIndex } from './orderRules'
import { tablewareNote } from './checkout'
import type { Order } from '@shared/types'

const order = (status: Order['status'], cancellationRequested = false) => ({ status, cancellationRequested }) as Order

describe('order rules', () => {
  it('names the cancellation rule that applies', () => {
    expect(cancelRule(order('PENDING_PAYMENT'))).toBe('free')
    expect(cancelRule(order('PAID'))).toBe('refund')
    expect(cancelRule(order('ACCEPTED'))).toBe('request')
    expect(cancelRule(order('READY', true))).toBe('none')
    expect(cancelRule(order('PICKED_UP'))).toBe('none')
    expect(cancelRule(order('DELIVERED'))).toBe('none')
  })

  it('places every state on the steps', () => {
    expect(stepIndex('PLACED')).toBe(0)
    expect(stepIndex('PAID')).toBe(1)
    expect(stepIndex('DELIVERED')).toBe(5)
    expect(isFinal('REFUNDED')).toBe(true)
    expect(isFinal('READY')).toBe(false)
  })

  it('waits for the refund of a cancelled paid order', () => {
    expect(settled('CANCELLED', [{ type: 'CANCELLED' }])).toBe(true)
    expect(settled('CANCELLED', [{ type: 'PAID' }, { type: 'REFUND_REQUESTED' }])).toBe(false)
    expect(settled('REFUNDED', [{ type: 'REFUND_REQUESTED' }])).toBe(true)
    expect(settled('READY', [])).toBe(false)
    expect(settled('DELIVERED', [])).toBe(true)
  })

  it('writes the tableware into the note, without control characters, within 200 characters', () => {
    expect(tablewareNote('少辣', 'one')).toBe('少辣；餐具1份')
    expect(tablewareNote('  ', 'none')).toBe('无需餐具')
    expect(tablewareNote('a\nb', 'two')).toBe('a b；餐具2份')
    expect(tablewareNote('x'.repeat(300), 'none').length).toBe(200)
  })
})
