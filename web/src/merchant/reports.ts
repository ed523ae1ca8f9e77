// The sales report page's pure parts: the date range in campus time and the ECharts options
// of its charts, built from the platform's figures as they are (cents stay cents: only the
// axis labels and tooltips write them as yuan).
import type { ComposeOption } from 'echarts/core'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import { yuan } from '@shared/format'
import type { MerchantReport } from '@shared/types'

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>

export const CAMPUS_TIME_ZONE = 'Asia/Shanghai'
/** The longest range the platform reports on, days counted both ends included. */
export const RANGE_MAX_DAYS = 62
export const DEFAULT_RANGE_DAYS = 7

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The campus date ("YYYY-MM-DD", Asia/Shanghai) at an instant. */
export function campusDay(now: Date): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: CAMPUS_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

function dayNumber(day: string): number | null {
  const match = DAY.exec(day)
  if (!match) return null
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  // Refuses 2026-02-30 and the like: the date must come back as written.
  return new Date(time).toISOString().slice(0, 10) === day ? time / 86_400_000 : null
}

export function validDay(day: string): boolean {
  return dayNumber(day) !== null
}

/** A calendar date plus some days (negative: earlier). */
export function addDays(day: string, days: number): string {
  const start = dayNumber(day)
  if (start === null) throw new Error(`not a date: ${day}`)
  return new Date((start + days) * 86_400_000).toISOString().slice(0, 10)
}

/** How many days a range covers, both ends included. */
export function daysIn(from: string, to: string): number {
  const a = dayNumber(from)
  const b = dayNumber(to)
  if (a === null || b === null) return NaN
  return b - a + 1
}

export interface DayRange {
  from: string
  to: string
}

/** The last `days` campus days, today included. */
export function lastDays(days: number, now: Date = new Date()): DayRange {
  const to = campusDay(now)
  return { from: addDays(to, -(days - 1)), to }
}

/** The range the page opens with: the last seven days to today, campus time. */
export function defaultRange(now: Date = new Date()): DayRange {
  return lastDays(DEFAULT_RANGE_DAYS, now)
}

export type RangeProblem = 'missing' | 'order' | 'tooLong'

export function rangeProblem(range: DayRange): RangeProblem | null {
  if (!validDay(range.from) || !validDay(range.to)) return 'missing'
  const days = daysIn(range.from, range.to)
  if (days < 1) return 'order'
  if (days > RANGE_MAX_DAYS) return 'tooLong'
  return null
}

/** The report's file name, as the page saves it. */
export function workbookName(range: DayRange): string {
  return `lunchrush-report-${range.from}-${range.to}.xlsx`
}

/** "2026-11-24" → "11-24" for an axis. */
export function shortDay(day: string): string {
  return day.length === 10 ? day.slice(5) : day
}

/** The stars a rating chart shows, 1 to 5. */
export const STARS = ['1', '2', '3', '4', '5'] as const

const COLOURS = { turnover: '#1d64c8', orders: '#c2410c', ticket: '#2e7d32', dish: '#7c3aed', slot: '#0e7490', star: '#b45309' }

const money = (value: unknown) => (typeof value === 'number' ? yuan(value) : String(value))
const moneyAxis = (value: number) => `¥${value / 100}`

const base = {
  animation: false,
  tooltip: { trigger: 'axis' as const },
  grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
}

/** Turnover per day (bars, yuan axis on the left), orders and average ticket (lines). */
export function turnoverOption(
  days: MerchantReport['days'],
  labels: { turnover: string; orders: string; averageTicket: string },
): ChartOption {
  return {
    ...base,
    color: [COLOURS.turnover, COLOURS.orders, COLOURS.ticket],
    legend: { top: 0 },
    xAxis: { type: 'category', data: days.map((d) => shortDay(d.day)) },
    // Three scales, each axis in its series' colour: turnover (left), orders and average
    // ticket (right; a ticket is a hundred times smaller than a day's turnover).
    yAxis: [
      { type: 'value', axisLabel: { formatter: moneyAxis, color: COLOURS.turnover } },
      { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { color: COLOURS.orders } },
      {
        type: 'value',
        position: 'right',
        offset: 52,
        splitLine: { show: false },
        axisLabel: { formatter: moneyAxis, color: COLOURS.ticket },
      },
    ],
    series: [
      {
        name: labels.turnover,
        type: 'bar',
        data: days.map((d) => d.turnoverCents),
        tooltip: { valueFormatter: money },
      },
      {
        name: labels.orders,
        type: 'line',
        yAxisIndex: 1,
        data: days.map((d) => d.orders),
      },
      {
        name: labels.averageTicket,
        type: 'line',
        yAxisIndex: 2,
        data: days.map((d) => d.averageTicketCents),
        tooltip: { valueFormatter: money },
      },
    ],
  }
}

/** The top dishes by portions sold, the first at the top. */
export function topItemsOption(items: MerchantReport['topItems'], labels: { quantity: string }): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...base.grid, top: 8 },
    color: [COLOURS.dish],
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.name) },
    series: [{ name: labels.quantity, type: 'bar', data: items.map((i) => i.quantity) }],
  }
}

/** Orders per 10-minute slot over the lunch peak. */
export function lunchSlotsOption(slots: MerchantReport['lunchSlots'], labels: { orders: string }): ChartOption {
  return {
    ...base,
    grid: { ...base.grid, top: 16 },
    color: [COLOURS.slot],
    xAxis: { type: 'category', data: slots.map((s) => s.slot) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: labels.orders, type: 'bar', data: slots.map((s) => s.orders) }],
  }
}

/** Ratings per number of stars, 1 to 5 (a star the platform leaves out is 0). */
export function ratingsOption(
  ratings: MerchantReport['ratings'],
  labels: { count: string; star: (stars: string) => string },
): ChartOption {
  return {
    ...base,
    grid: { ...base.grid, top: 16 },
    color: [COLOURS.star],
    xAxis: { type: 'category', data: STARS.map(labels.star) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: labels.count, type: 'bar', data: STARS.map((s) => ratings.byStars[s] ?? 0) }],
  }
}

/** Saves a file the platform made (the Excel report) under a name, through a temporary link. */
export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns: give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
