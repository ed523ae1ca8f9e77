// The platform's push channel (GET /api/v1/events, server-sent events), read with fetch so
// that it carries the token like every other call (EventSource cannot send headers).
// Pushes are signals: on every (re)connect and on each push the face asks the API again,
// so nothing is lost while the connection was down (docs/api.md, "Live pushes").

export interface OrderPush {
  orderId: string
  status: string
  from: string | null
  at: string
}

export interface NoticePush {
  kind: string
  orderId: string
  reason?: string
  at: string
}

export type LiveEvent =
  | { type: 'hello'; data: { role: string; accountId: number } }
  | { type: 'order'; data: OrderPush }
  | { type: 'notice'; data: NoticePush }

export interface SseMessage {
  event: string
  data: string
  id: string | null
}

/** Splits a text/event-stream into messages (the WHATWG rules this channel needs). */
export class SseParser {
  private buffer = ''
  private event = ''
  private data: string[] = []
  private id: string | null = null

  push(chunk: string): SseMessage[] {
    this.buffer += chunk
    const messages: SseMessage[] = []
    let end: number
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, end)
      const breakLength = this.buffer.startsWith('\r\n', end) ? 2 : 1
      this.buffer = this.buffer.slice(end + breakLength)
      if (line === '') {
        if (this.data.length > 0) messages.push({ event: this.event || 'message', data: this.data.join('\n'), id: this.id })
        this.event = ''
        this.data = []
        continue
      }
      if (line.startsWith(':')) continue
      const colon = line.indexOf(':')
      const field = colon < 0 ? line : line.slice(0, colon)
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
      if (field === 'event') this.event = value
      else if (field === 'data') this.data.push(value)
      else if (field === 'id') this.id = value
    }
    return messages
  }
}

export interface LiveOptions {
  token: () => string | null
  /** Told once the channel is open (after the server's hello): time to re-sync from the API. */
  onOpen: () => void
  onEvent: (event: LiveEvent) => void
  /** Told when the channel opens or drops, for a "live" mark on the page. */
  onConnected?: (connected: boolean) => void
  /** The platform refused the token: the face signs out. */
  onUnauthenticated?: () => void
  fetcher?: typeof fetch
  sleep?: (ms: number) => Promise<void>
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Keeps the channel open until `close()`: reconnects after a drop, waiting 1 s, then twice as
 * long each time up to 15 s (with jitter), and from 1 s again once a connection held.
 */
export function openLiveChannel(options: LiveOptions): { close: () => void } {
  const fetcher = options.fetcher ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  const sleep = options.sleep ?? realSleep
  const abort = new AbortController()
  let closed = false

  async function once(): Promise<'again' | 'stop'> {
    const token = options.token()
    if (!token) return 'stop'
    const answer = await fetcher('/api/v1/events', {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
      signal: abort.signal,
      cache: 'no-store',
    })
    if (answer.status === 401) {
      options.onUnauthenticated?.()
      return 'stop'
    }
    if (!answer.ok || !answer.body) return 'again'
    const reader = answer.body.getReader()
    const decoder = new TextDecoder()
    const parser = new SseParser()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return 'again'
        for (const message of parser.push(decoder.decode(value, { stream: true }))) {
          let data: unknown
          try {
            data = JSON.parse(message.data)
          } catch {
            continue
          }
          if (message.event === 'hello') {
            options.onConnected?.(true)
            options.onOpen()
          } else if (message.event === 'order' || message.event === 'notice') {
            options.onEvent({ type: message.event, data } as LiveEvent)
          }
        }
      }
    } finally {
      options.onConnected?.(false)
    }
  }

  void (async () => {
    let delay = 1000
    while (!closed) {
      const started = Date.now()
      let outcome: 'again' | 'stop' = 'again'
      try {
        outcome = await once()
      } catch {
        outcome = 'again'
      }
      if (closed || outcome === 'stop') return
      if (Date.now() - started > 30_000) delay = 1000
      await sleep(delay + Math.floor(Math.random() * 500))
      delay = Math.min(15_000, delay * 2)
    }
  })()

  return {
    close() {
      closed = true
      abort.abort()
    },
  }
}
