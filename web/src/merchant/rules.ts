// Small input rules of the console, checked before a request so that the person sees the
// problem at once; the platform checks them again and stays the judge.
import type { MenuItem } from '@shared/types'

export const REASON_MAX = 200
export const STOCK_MAX = 100_000

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/**
 * A reason as the platform takes it: single-line plain text, at most 200 UTF-16 units.
 * Control characters (a pasted tab or line break) become spaces; an empty reason is none.
 */
export function cleanReason(text: string): string | undefined {
  const clean = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
  return clean.length === 0 ? undefined : clean
}

export function reasonFits(text: string): boolean {
  return (cleanReason(text) ?? '').length <= REASON_MAX
}

export function validStock(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= STOCK_MAX
}

/**
 * Whether an item is on sale. The menu says `available` (= on sale and stock left), so with
 * stock left it tells; at 0 left it cannot, and the console keeps what it last knew (what it
 * saw with stock, or what the merchant last set), on sale when it never knew.
 */
export function onSaleOf(item: MenuItem, remembered: Readonly<Record<number, boolean>>): boolean {
  if (item.onSale !== undefined) return item.onSale
  if (item.stockLeft > 0) return item.available
  return remembered[item.itemId] ?? true
}

export type ItemState = 'available' | 'soldOut' | 'offSale'

export function itemState(item: MenuItem, onSale: boolean): ItemState {
  if (!onSale) return 'offSale'
  return item.available ? 'available' : 'soldOut'
}
