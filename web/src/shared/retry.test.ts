import { describe, expect, it } from 'vitest'
import { Http } from './api'
import { createClient } from './client'
import type { PlaceOrderRequest } from './types'

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

const ORDER: PlaceOrderRequest = { merchantId: 1, deliveryBuildingId: 7, items: [{ itemId: 3, quantity: 2 }] }

function recordingClient(answers: Response[]) {
  const calls: { url: string; headers: Record<string, string>; body: string }[] = []
  const http = new Http(
    { token: () => 'token-1', locale: () => 'zh-CN', unauthenticated: () => undefined },
    async (url, init) => {
      calls.push({ url, headers: init.headers as Record<string, string>, body: String(init.body) })
      const next = answers.shift()
      if (!next) throw new Error('no more answers')
      return next
    },
  )
  return { client: createClient(http), calls }
}

const noWait = { attempts: 6, fallbackDelayMs: 1000, maxDelayMs: 5000, sleep: async () => undefined }

describe('placing an order when the platform is busy', () => {
  it('retries 429 and 503 BUSY with the same Idempotency-Key and body, then gives the order', async () => {
    const { client, calls } = recordingClient([
      answer(429, { code: 'RATE_LIMITED', message: '系统繁忙，请稍后再试', details: { scope: 'capacity' } }, { 'Retry-After': '1' }),
      answer(503, { code: 'BUSY', message: '系统繁忙，请稍后再试', details: {} }, { 'Retry-After': '1' }),
      answer(202, { orderId: '901', status: 'PLACED', totalCents: 2400, payBy: '2026-12-06T12:15:00+08:00' }),
    ])
    const waits: number[] = []
    const placed = await client.placeOrder(ORDER, 'key-abc', { ...noWait, sleep: async (ms) => void waits.push(ms) })

    expect(placed.orderId).toBe('901')
    expect(calls).toHaveLength(3)
    expect(calls.map((c) => c.headers['Idempotency-Key'])).toEqual(['key-abc', 'key-abc', 'key-abc'])
    expect(new Set(calls.map((c) => c.body)).size).toBe(1)
    // Retry-After: 1 → about a second (plus under 250 ms of jitter), capped by the policy
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(1000)
      expect(wait).toBeLessThan(1250)
    }
  })

  it('does not retry a refusal that retrying cannot change', async () => {
    const { client, calls } = recordingClient([
      answer(409, { code: 'SOLD_OUT', message: '售罄', details: { itemIds: [3] } }),
    ])
    await expect(client.placeOrder(ORDER, 'key-sold', noWait)).rejects.toMatchObject({ code: 'SOLD_OUT', status: 409 })
    expect(calls).toHaveLength(1)
  })

  it('gives up after the policy allows, with the busy error', async () => {
    const busy = () => answer(503, { code: 'BUSY', message: 'busy', details: {} })
    const { client, calls } = recordingClient([busy(), busy(), busy()])
    await expect(client.placeOrder(ORDER, 'key-busy', { ...noWait, attempts: 3 })).rejects.toMatchObject({ code: 'BUSY' })
    expect(calls).toHaveLength(3)
  })

  it('sends the token and the chosen language', async () => {
    const { client, calls } = recordingClient([answer(200, [])])
    await client.merchants()
    expect(calls[0].headers.Authorization).toBe('Bearer token-1')
    expect(calls[0].headers['Accept-Language']).toBe('zh-CN')
  })
})
