import { describe, expect, it } from 'vitest'
import type { MenuItem } from '@shared/types'
import { cleanReason, itemState, onSaleOf, reasonFits, validStock } from './rules'

const item = (stockLeft: number, available: boolean): MenuItem => ({
  itemId: 7,
  name: '辣子鸡',
  priceCents: 1800,
  available,
  stockLeft,
})

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

describe('sale state', () => {
  it('comes from the menu while stock is left', () => {
    expect(onSaleOf(item(5, true), { 7: false })).toBe(true)
    expect(onSaleOf(item(5, false), {})).toBe(false)
  })

  it('is what the console last knew at 0 left', () => {
    expect(onSaleOf(item(0, false), { 7: false })).toBe(false)
    expect(onSaleOf(item(0, false), {})).toBe(true)
  })

  it('shows sold out apart from off sale', () => {
    expect(itemState(item(0, false), true)).toBe('soldOut')
    expect(itemState(item(3, false), false)).toBe('offSale')
    expect(itemState(item(3, true), true)).toBe('available')
  })
})
