import { describe, expect, it, vi } from 'vitest'
import type { MerchantReport } from '@shared/types'
import {
  addDays,
  campusDay,
  daysIn,
  defaultRange,
  lastDays,
  lunchSlotsOption,
  rangeProblem,
  ratingsOption,
  saveFile,
  topItemsOption,
  turnoverOption,
  workbookName,
} from './reports'

describe('campus dates', () => {
  it('are Asia/Shanghai dates, whatever the browser', () => {
    // 2026-11-24 17:30 UTC is already the 25th on campus (UTC+8).
    expect(campusDay(new Date('2026-11-24T17:30:00Z'))).toBe('2026-11-25')
    expect(campusDay(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24')
  })

  it('add days across months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2026-12-29', 6)).toBe('2027-01-04')
    expect(daysIn('2026-11-01', '2026-11-30')).toBe(30)
  })

  it('open on the last 7 days to today', () => {
    expect(defaultRange(new Date('2026-11-24T17:30:00Z'))).toEqual({ from: '2026-11-19', to: '2026-11-25' })
    expect(defaultRange(new Date('2026-01-03T04:00:00Z'))).toEqual({ from: '2025-12-28', to: '2026-01-03' })
    expect(lastDays(30, new Date('2026-11-24T04:00:00Z'))).toEqual({ from: '2026-10-26', to: '2026-11-24' })
  })

  it('make a range of at most 62 days, in order', () => {
    expect(rangeProblem({ from: '2026-11-19', to: '2026-11-25' })).toBeNull()
    expect(rangeProblem({ from: '2026-11-25', to: '2026-11-25' })).toBeNull()
    expect(rangeProblem({ from: '2026-11-26', to: '2026-11-25' })).toBe('order')
    expect(rangeProblem({ from: '2026-09-25', to: '2026-11-25' })).toBeNull() // 62 days
    expect(rangeProblem({ from: '2026-09-24', to: '2026-11-25' })).toBe('tooLong') // 63 days
    expect(rangeProblem({ from: '', to: '2026-11-25' })).toBe('missing')
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-02' })).toBe('missing')
  })

  it('name the workbook after the range', () => {
    expect(workbookName({ from: '2026-11-19', to: '2026-11-25' })).toBe('lunchrush-report-2026-11-19-2026-11-25.xlsx')
  })
})

const report: MerchantReport = {
  from: '2026-11-23',
  to: '2026-11-24',
  days: [
    { day: '2026-11-23', orders: 3, turnoverCents: 4500, averageTicketCents: 1500 },
    { day: '2026-11-24', orders: 2, turnoverCents: 3001, averageTicketCents: 1501 },
  ],
  topItems: [
    { itemId: 1, name: '牛肉面', quantity: 4, turnoverCents: 6000 },
    { itemId: 2, name: '凉皮', quantity: 1, turnoverCents: 1501 },
  ],
  lunchSlots: [
    { slot: '11:00', orders: 2 },
    { slot: '11:10', orders: 3 },
  ],
  ratings: { average: 4.5, count: 2, byStars: { '4': 1, '5': 1 } },
  settlement: { orders: 5, salesCents: 7501, couponCents: 300, refundedCents: 0, netCents: 7201 },
}

type Series = { name?: string; type?: string; data?: unknown[]; yAxisIndex?: number; tooltip?: { valueFormatter?: (v: unknown) => string } }
const seriesOf = (option: { series?: unknown }) => option.series as Series[]

describe('chart options', () => {
  it('show turnover as bars and orders and average ticket as lines, in the platform cents', () => {
    const option = turnoverOption(report.days, { turnover: '营业额', orders: '订单数', averageTicket: '客单价' })
    expect((option.xAxis as { data: string[] }).data).toEqual(['11-23', '11-24'])
    const [turnover, orders, ticket] = seriesOf(option)
    expect([turnover.type, turnover.name, turnover.data]).toEqual(['bar', '营业额', [4500, 3001]])
    expect([orders.type, orders.yAxisIndex, orders.data]).toEqual(['line', 1, [3, 2]])
    expect([ticket.type, ticket.yAxisIndex, ticket.data]).toEqual(['line', 2, [1500, 1501]])
    expect(turnover.tooltip?.valueFormatter?.(3001)).toBe('¥30.01')
  })

  it('list the top dishes first at the top', () => {
    const option = topItemsOption(report.topItems, { quantity: '份数' })
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['牛肉面', '凉皮'] })
    expect(seriesOf(option)[0].data).toEqual([4, 1])
  })

  it('count orders per lunch slot', () => {
    const option = lunchSlotsOption(report.lunchSlots, { orders: '订单数' })
    expect((option.xAxis as { data: string[] }).data).toEqual(['11:00', '11:10'])
    expect(seriesOf(option)[0].data).toEqual([2, 3])
  })

  it('count ratings for each of the five stars, 0 where none', () => {
    const option = ratingsOption(report.ratings, { count: '条数', star: (s) => `${s} 星` })
    expect((option.xAxis as { data: string[] }).data).toEqual(['1 星', '2 星', '3 星', '4 星', '5 星'])
    expect(seriesOf(option)[0].data).toEqual([0, 0, 0, 1, 1])
  })
})

describe('saving the workbook', () => {
  it('clicks a temporary download link on an object URL', () => {
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report')
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    let clicked: HTMLAnchorElement | null = null
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = this
    })
    saveFile(new Blob(['x']), 'lunchrush-report-2026-11-19-2026-11-25.xlsx')
    expect(clicked!.download).toBe('lunchrush-report-2026-11-19-2026-11-25.xlsx')
    expect(clicked!.href).toBe('blob:report')
    expect(document.querySelector('a[download]')).toBeNull()
    expect(create).toHaveBeenCalledOnce()
    for (const spy of [click, create, revoke]) spy.mockRestore()
  })
})
