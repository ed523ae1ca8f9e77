import type { ErrorBody } from './types'

/**
 * An answer of the platform that was not a success, or no answer at all (status 0,
 * code NETWORK). `code` is the platform's stable error code; faces show it through
 * `errorText` (errors.ts), never raw.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, unknown>
  readonly retryAfterSeconds: number | null

  constructor(status: number, body: ErrorBody, retryAfterSeconds: number | null = null) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.details = body.details ?? {}
    this.retryAfterSeconds = retryAfterSeconds
  }

  /** `429` and `503 BUSY`: the platform asks to come back later; nothing changed. */
  get retryable(): boolean {
    return this.status === 429 || (this.status === 503 && this.code === 'BUSY') || this.code === 'NETWORK'
  }
}

export interface RequestOptions {
  /** JSON unless it is a Blob or a File (sent as is, with its own type: a picture) */
  body?: unknown
  idempotencyKey?: string
  signal?: AbortSignal
}

export interface Transport {
  token(): string | null
  locale(): string
  /** Called when the platform answers 401 to a call that carried a token. */
  unauthenticated(): void
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

/**
 * The one place the faces talk HTTP. Sends the token and the language, parses the JSON
 * answer and turns every failure into an ApiError.
 */
export class Http {
  private readonly transport: Transport
  private readonly fetcher: FetchLike

  constructor(transport: Transport, fetcher: FetchLike = (input, init) => fetch(input, init)) {
    this.transport = transport
    this.fetcher = fetcher
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('GET', path, options)
  }

  post<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('POST', path, options)
  }

  put<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('PUT', path, options)
  }

  delete<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('DELETE', path, options)
  }

  /** A file the platform makes (an Excel report), as a Blob, with the token. */
  async download(path: string): Promise<Blob> {
    const headers: Record<string, string> = { 'Accept-Language': this.transport.locale() }
    const token = this.transport.token()
    if (token) headers.Authorization = `Bearer ${token}`
    let answer: Response
    try {
      answer = await this.fetcher(path, { method: 'GET', headers })
    } catch (failure) {
      throw new ApiError(0, { code: 'NETWORK', message: String(failure) })
    }
    if (!answer.ok) {
      let error: ErrorBody
      try {
        error = (await answer.json()) as ErrorBody
      } catch {
        error = { code: 'UNKNOWN', message: answer.statusText }
      }
      throw new ApiError(answer.status, error)
    }
    return answer.blob()
  }

  async send<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.transport.locale(),
    }
    const token = this.transport.token()
    if (token) headers.Authorization = `Bearer ${token}`
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
    let body: BodyInit | undefined
    if (options.body instanceof FormData) {
      body = options.body
    } else if (options.body instanceof Blob) {
      headers['Content-Type'] = options.body.type || 'application/octet-stream'
      body = options.body
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    let answer: Response
    try {
      answer = await this.fetcher(path, { method, headers, body, signal: options.signal })
    } catch (failure) {
      if (failure instanceof DOMException && failure.name === 'AbortError') throw failure
      throw new ApiError(0, { code: 'NETWORK', message: String(failure) })
    }
    const text = await answer.text()
    if (answer.ok) {
      return (text ? JSON.parse(text) : undefined) as T
    }
    let error: ErrorBody
    try {
      error = JSON.parse(text) as ErrorBody
      if (typeof error.code !== 'string') throw new Error('no code')
    } catch {
      error = { code: answer.status >= 500 ? 'INTERNAL' : 'UNKNOWN', message: answer.statusText }
    }
    const retryAfter = Number.parseInt(answer.headers.get('Retry-After') ?? '', 10)
    if (answer.status === 401 && token) this.transport.unauthenticated()
    throw new ApiError(answer.status, error, Number.isFinite(retryAfter) ? retryAfter : null)
  }
}
