import { describe, expect, it } from 'vitest'
import type { MerchantItem } from '@shared/types'
import {
  checkDish,
  dishState,
  groupByCategory,
  parsePriceCents,
  pictureProblem,
  megabytes,
  PICTURE_MAX_BYTES,
  priceInput,
  textProblem,
} from './dishes'

const cents = (text: string) => {
  const answer = parsePriceCents(text)
  return answer.ok ? answer.cents : answer.problem
}

describe('prices in yuan', () => {
  it('become integer cents', () => {
    expect(cents('12.5')).toBe(1250)
    expect(cents('12.50')).toBe(1250)
    expect(cents('12')).toBe(1200)
    expect(cents('12.')).toBe(1200)
    expect(cents('.5')).toBe(50)
    expect(cents(' ¥18.80 ')).toBe(1880)
    expect(cents('￥0.01')).toBe(1)
    expect(cents('007.00')).toBe(700)
    expect(cents('1000')).toBe(100000)
  })

  it('never go through floating point', () => {
    // 0.1 + 0.2 !== 0.3, 4.35 * 100 === 434.99999999999994, 1.15 * 100 === 114.99999999999999
    expect((cents('0.1') as number) + (cents('0.2') as number)).toBe(cents('0.3'))
    expect(cents('4.35')).toBe(435)
    expect(cents('1.15')).toBe(115)
    expect(cents('19.99')).toBe(1999)
    expect(cents('999.99')).toBe(99999)
  })

  it('refuse what is not a price', () => {
    expect(cents('')).toBe('empty')
    expect(cents('   ')).toBe('empty')
    expect(cents('12.345')).toBe('decimals')
    expect(cents('.')).toBe('format')
    expect(cents('-1')).toBe('format')
    expect(cents('+1')).toBe('format')
    expect(cents('1e2')).toBe('format')
    expect(cents('12,50')).toBe('format')
    expect(cents('1 2')).toBe('format')
    expect(cents('abc')).toBe('format')
    expect(cents('0')).toBe('zero')
    expect(cents('0.00')).toBe('zero')
  })

  it('refuse more than ¥1000', () => {
    expect(cents('1000.01')).toBe('tooHigh')
    expect(cents('1001')).toBe('tooHigh')
    expect(cents('99999999999999999999')).toBe('tooHigh')
  })

  it('are written back for editing', () => {
    expect(priceInput(1250)).toBe('12.50')
    expect(priceInput(5)).toBe('0.05')
    expect(priceInput(100000)).toBe('1000.00')
    for (const value of [1, 99, 435, 1999, 100000]) expect(cents(priceInput(value))).toBe(value)
  })
})

describe('names and categories', () => {
  it('are one trimmed line of 1 to max characters', () => {
    expect(textProblem('  宫保鸡丁 ', 40)).toBeNull()
    expect(textProblem('   ', 40)).toBe('empty')
    expect(textProblem('字'.repeat(40), 40)).toBeNull()
    expect(textProblem('字'.repeat(41), 40)).toBe('tooLong')
    expect(textProblem('宫保\n鸡丁', 40)).toBe('control')
  })

  it('make a draft with the price in cents, or say what is wrong per field', () => {
    expect(checkDish({ name: ' 宫保鸡丁 ', price: '16.8', category: ' 热菜 ' })).toEqual({
      ok: true,
      draft: { name: '宫保鸡丁', priceCents: 1680, category: '热菜' },
    })
    expect(checkDish({ name: '', price: '12.345', category: '字'.repeat(21) })).toEqual({
      ok: false,
      problems: { name: 'empty', price: 'decimals', category: 'tooLong' },
    })
  })
})

describe('pictures', () => {
  it('are JPEG, PNG or WebP', () => {
    expect(pictureProblem({ type: 'image/jpeg', size: 1000 })).toBeNull()
    expect(pictureProblem({ type: 'image/png', size: 1000 })).toBeNull()
    expect(pictureProblem({ type: 'image/webp', size: 1000 })).toBeNull()
    expect(pictureProblem({ type: 'image/gif', size: 1000 })).toBe('type')
    expect(pictureProblem({ type: 'image/svg+xml', size: 1000 })).toBe('type')
    expect(pictureProblem({ type: '', size: 1000 })).toBe('type')
  })

  it('are at most 1 MiB and not empty', () => {
    expect(pictureProblem({ type: 'image/png', size: PICTURE_MAX_BYTES })).toBeNull()
    expect(pictureProblem({ type: 'image/png', size: PICTURE_MAX_BYTES + 1 })).toBe('size')
    expect(pictureProblem({ type: 'image/png', size: 0 })).toBe('empty')
  })

  it('say their size rounded up, so that a refused one reads over 1 MB', () => {
    expect(megabytes(1572864)).toBe('1.5 MB')
    expect(megabytes(PICTURE_MAX_BYTES + 1)).toBe('1.1 MB')
    expect(megabytes(3 * PICTURE_MAX_BYTES)).toBe('3.0 MB')
  })
})

const dish = (itemId: number, category: string, extra: Partial<MerchantItem> = {}): MerchantItem => ({
  itemId,
  name: `菜${itemId}`,
  priceCents: 1000,
  category,
  onSale: true,
  pictureUrl: null,
  stockLeft: 5,
  ...extra,
})

describe('the menu', () => {
  it('groups dishes by category in the order the platform lists them', () => {
    const groups = groupByCategory([dish(1, '面食'), dish(2, '饮品'), dish(3, '面食')])
    expect(groups.map((g) => [g.category, g.items.map((i) => i.itemId)])).toEqual([
      ['面食', [1, 3]],
      ['饮品', [2]],
    ])
  })

  it('tells off sale from sold out', () => {
    expect(dishState(dish(1, 'x'))).toBe('available')
    expect(dishState(dish(1, 'x', { stockLeft: 0 }))).toBe('soldOut')
    expect(dishState(dish(1, 'x', { onSale: false, stockLeft: 3 }))).toBe('offSale')
  })
})
