import { describe, expect, it } from 'vitest'
import { zh as shared } from './messages/zh'

// Every message key a face names literally — t('board.title'), te('…') — exists in the face's
// Chinese messages (and so in English: i18n.test.ts). Keys built at run time (`status.${s}`)
// are checked by the e2e run, which fails on a missing message in any page.
const sources = import.meta.glob<string>(['../**/*.vue', '../**/*.ts', '!../**/*.test.ts', '!../**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
})
const faces = import.meta.glob<{ messages: { zh: object } }>('../*/messages.ts', { eager: true })

const KEY = /\b(?:t|te|i18n\.global\.t)\(\s*['"]([a-zA-Z][\w.]*)['"]/g

function has(messages: object, key: string): boolean {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

describe('message keys named in the code', () => {
  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20)
  })

  it('all exist in the messages of their face', () => {
    const missing: string[] = []
    for (const [file, text] of Object.entries(sources)) {
      const face = file.split('/')[1]
      const own = faces[`../${face}/messages.ts`]?.messages.zh ?? {}
      for (const match of text.matchAll(KEY)) {
        const key = match[1]
        if (!has(shared, key) && !has(own, key)) missing.push(`${file}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})
