import { describe, expect, it } from 'vitest'
import { cleanReason, reasonFits, validStock } from './rules'

describe('reasons', () => {
  it('are single-line plain text, empty meaning none', () => {
    expect(cleanReason('  食材\t用完\n了 ')).toBe('食材 用完 了')
    expect(cleanReason('   ')).toBeUndefined()
    expect(cleanReason('\u0000')).toBeUndefined()
  })

  it('fit in 200 characters', () => {
    expect(reasonFits('字'.repeat(200))).toBe(true)
    expect(reasonFits('字'.repeat(201))).toBe(false)
  })
})

describe('stock', () => {
  it('is a whole number from 0 to 100000', () => {
    expect(validStock(0)).toBe(true)
    expect(validStock(100000)).toBe(true)
    expect(validStock(100001)).toBe(false)
    expect(validStock(-1)).toBe(false)
    expect(validStock(1.5)).toBe(false)
    expect(validStock('3')).toBe(false)
  })
})
