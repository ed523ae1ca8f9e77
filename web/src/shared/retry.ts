import { ApiError } from './api'

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number
  /** Wait before a retry when the platform names none (Retry-After), in ms. */
  fallbackDelayMs: number
  /** Longest wait between two tries, in ms. */
  maxDelayMs: number
  sleep?: (ms: number) => Promise<void>
  /** Told before each wait, so that the page can say 系统繁忙，请稍后再试 while it waits. */
  onRetry?: (error: ApiError, attempt: number) => void
}

export const BUSY_RETRY: RetryPolicy = { attempts: 6, fallbackDelayMs: 1000, maxDelayMs: 5000 }

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs `call` again while the platform answers 429 or 503 BUSY (or cannot be reached), waiting
 * as long as its Retry-After says (with a little jitter, so that a thousand phones do not
 * come back in the same millisecond). The caller passes the same request each time, with the
 * same Idempotency-Key, so a retry can never make a second order.
 */
export async function withBusyRetry<T>(call: () => Promise<T>, policy: RetryPolicy = BUSY_RETRY): Promise<T> {
  const sleep = policy.sleep ?? realSleep
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (failure) {
      if (!(failure instanceof ApiError) || !failure.retryable || attempt >= policy.attempts) throw failure
      policy.onRetry?.(failure, attempt)
      const named = failure.retryAfterSeconds !== null ? failure.retryAfterSeconds * 1000 : policy.fallbackDelayMs
      const jitter = Math.floor(Math.random() * 250)
      await sleep(Math.min(policy.maxDelayMs, named + jitter))
    }
  }
}

/** A fresh Idempotency-Key: one per order the student means to place. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
