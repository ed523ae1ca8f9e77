import { describe, expect, it } from 'vitest'
import { SseParser, openLiveChannel, type LiveEvent } from './live'

describe('the event-stream parser', () => {
  it('splits messages, whatever the chunks, and skips comments', () => {
    const parser = new SseParser()
    const messages = [
      ...parser.push('event: hello\ndata: {"role":"STUDENT","accountId":7}\n\n: ping\n\nevent: ord'),
      ...parser.push('er\nid: 5\ndata: {"orderId":"9","status":"PAID"}\r\n\r\n'),
    ]
    expect(messages).toEqual([
      { event: 'hello', data: '{"role":"STUDENT","accountId":7}', id: null },
      { event: 'order', data: '{"orderId":"9","status":"PAID"}', id: '5' },
    ])
  })

  it('joins data lines and defaults the event name', () => {
    expect(new SseParser().push('data: a\ndata: b\n\n')).toEqual([{ event: 'message', data: 'a\nb', id: null }])
  })
})

function stream(text: string[]): Response {
  const encoder = new TextEncoder()
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const part of text) controller.enqueue(encoder.encode(part))
        controller.close()
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  )
}

describe('the live channel', () => {
  it('re-syncs on every (re)connect and hands on the pushes', async () => {
    const events: LiveEvent[] = []
    let opens = 0
    let calls = 0
    const waits: number[] = []
    let finish: () => void = () => undefined
    const finished = new Promise<void>((resolve) => (finish = resolve))
    const channel = openLiveChannel({
      token: () => 'token-1',
      onOpen: () => void opens++,
      onEvent: (event) => void events.push(event),
      fetcher: (async (_input: RequestInfo | URL, init?: RequestInit) => {
        calls++
        expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer token-1')
        if (calls === 3) {
          finish()
          return new Response('', { status: 401 })
        }
        return stream([
          'event: hello\ndata: {"role":"MERCHANT","accountId":3}\n\n',
          `event: order\ndata: {"orderId":"${calls}","status":"PAID","from":"PENDING_PAYMENT","at":"x"}\n\n`,
        ])
      }) as typeof fetch,
      sleep: async (ms) => void waits.push(ms),
    })
    await finished
    channel.close()
    expect(opens).toBe(2)
    expect(events.map((e) => e.type === 'order' && e.data.orderId)).toEqual(['1', '2'])
    expect(waits.length).toBe(2)
    expect(waits[0]).toBeGreaterThanOrEqual(1000)
  })
})
