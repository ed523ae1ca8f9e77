import { describe, expect, it } from 'vitest'
import { zh } from './messages/zh'
import { en } from './messages/en'

// Every face's messages, found by file name, so that a new face is checked without being listed.
const faces = import.meta.glob<{ messages: { zh: object; en: object } }>('../*/messages.ts', { eager: true })

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

function blanks(messages: object): string[] {
  return keys(messages).filter((key) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages)
    return typeof value !== 'string' || value.trim() === ''
  })
}

describe('messages', () => {
  it('the shared messages have the same keys in Chinese and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort())
    expect(blanks(zh)).toEqual([])
    expect(blanks(en)).toEqual([])
  })

  it('finds the faces', () => {
    expect(Object.keys(faces).length).toBeGreaterThanOrEqual(1)
  })

  for (const [file, face] of Object.entries(faces)) {
    it(`${file}: the same keys in Chinese and English, none empty, none shadowing a shared one`, () => {
      expect(keys(face.messages.en).sort()).toEqual(keys(face.messages.zh).sort())
      expect(blanks(face.messages.zh)).toEqual([])
      expect(blanks(face.messages.en)).toEqual([])
      const shared = new Set(Object.keys(zh))
      expect(Object.keys(face.messages.zh).filter((top) => shared.has(top))).toEqual([])
    })
  }

  it('every error code of docs/api.md has a message', () => {
    const codes = [
      'VALIDATION', 'BAD_CREDENTIALS', 'UNAUTHENTICATED', 'SIGNATURE_INVALID', 'FORBIDDEN', 'NOT_FOUND',
      'ORDER_NOT_FOUND', 'METHOD_NOT_ALLOWED', 'IDEMPOTENCY_CONFLICT', 'IDEMPOTENCY_IN_PROGRESS', 'SOLD_OUT',
      'ORDER_STATE_CONFLICT', 'TASK_TAKEN', 'COUPONS_EXHAUSTED', 'COUPON_LIMIT_REACHED', 'PAYLOAD_TOO_LARGE',
      'UNSUPPORTED_MEDIA_TYPE', 'UNKNOWN_MERCHANT', 'UNKNOWN_ITEM', 'ITEM_OFF_SALE', 'OUT_OF_ZONE',
      'MERCHANT_CLOSED', 'COUPON_INVALID', 'COUPON_NOT_CLAIMABLE', 'NOTIFICATION_REFUSED', 'UNKNOWN_ACCOUNT',
      'RATE_LIMITED', 'LOGIN_THROTTLED', 'INTERNAL', 'BUSY', 'DEGRADED',
    ]
    expect(codes.filter((code) => !(code in zh.errors))).toEqual([])
  })
})
