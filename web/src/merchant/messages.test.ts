import { describe, expect, it } from 'vitest'
import { messages } from './messages'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key))
}

describe('merchant messages', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.zh).sort())
  })

  it('has no empty message and no vue-i18n special character by mistake', () => {
    for (const locale of [messages.zh, messages.en]) {
      for (const key of keys(locale)) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], locale)
        expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true)
        expect(/[@|]/.test(text as string), key).toBe(false)
      }
    }
  })
})
