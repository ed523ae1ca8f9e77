import { afterEach, describe, expect, it, vi } from 'vitest'
import { alertLog, ring } from './alerts'

describe('ring', () => {
  afterEach(() => {
    window.__lunchrushAlerts = []
    vi.unstubAllGlobals()
  })

  it('records each arrival in the test hook with the time it rang', () => {
    const before = Date.now()
    ring(
      [
        { kind: 'order', orderId: '11' },
        { kind: 'cancellation', orderId: '12' },
      ],
      () => ({ title: 't', body: 'b' }),
    )
    const log = alertLog()
    expect(log.map((a) => [a.kind, a.orderId])).toEqual([
      ['order', '11'],
      ['cancellation', '12'],
    ])
    expect(log[0].at).toBeGreaterThanOrEqual(before)
  })

  it('does nothing for nothing', () => {
    ring([], () => ({ title: '', body: '' }))
    expect(alertLog()).toEqual([])
  })

  it('shows a notification per arrival only when allowed', () => {
    const shown: string[] = []
    class FakeNotification {
      static permission = 'granted'
      onclick: (() => void) | null = null
      constructor(title: string) {
        shown.push(title)
      }
      close() {}
    }
    vi.stubGlobal('Notification', FakeNotification)
    ring([{ kind: 'order', orderId: '21' }], (a) => ({ title: `新订单 ${a.orderId}`, body: '' }))
    expect(shown).toEqual(['新订单 21'])
    FakeNotification.permission = 'denied'
    ring([{ kind: 'order', orderId: '22' }], (a) => ({ title: `新订单 ${a.orderId}`, body: '' }))
    expect(shown).toEqual(['新订单 21'])
  })
})
