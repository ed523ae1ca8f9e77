// The rules of a dish as the merchant writes it (name, price, category, picture), checked in
// the browser so that the person sees the problem at once and in their language. The
// platform checks them again and stays the judge.
import type { MerchantItem } from '@shared/types'

export const NAME_MAX = 40
export const CATEGORY_MAX = 20
/** The platform's price range in cents: ¥0.01 … ¥1000.00. */
export const PRICE_MIN_CENTS = 1
export const PRICE_MAX_CENTS = 100_000
export const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const PICTURE_ACCEPT = PICTURE_TYPES.join(',')
/** 1 MiB, as the platform takes it. */
export const PICTURE_MAX_BYTES = 1024 * 1024

export type PriceProblem = 'empty' | 'format' | 'decimals' | 'zero' | 'tooHigh'
export type PriceAnswer = { ok: true; cents: number } | { ok: false; problem: PriceProblem }

/**
 * A price typed in yuan ("12", "12.5", "12.50", "¥ 12.50") → integer cents, without going
 * through floating point: "4.35" is 435 cents, never 434. More than two decimals, a sign,
 * an exponent or any other character is refused, as are 0 and more than ¥1000.
 */
export function parsePriceCents(text: string): PriceAnswer {
  const clean = text.trim().replace(/^[¥￥]\s*/, '').replace(/．/g, '.')
  if (clean === '') return { ok: false, problem: 'empty' }
  const match = /^(\d*)(?:\.(\d*))?$/.exec(clean)
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return { ok: false, problem: 'format' }
  const whole = match[1].replace(/^0+(?=\d)/, '')
  const fraction = match[2] ?? ''
  if (fraction.length > 2) return { ok: false, problem: 'decimals' }
  // More than six digits of yuan is over the maximum whatever follows (and stays exact).
  if (whole.length > 6) return { ok: false, problem: 'tooHigh' }
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'))
  if (cents < PRICE_MIN_CENTS) return { ok: false, problem: 'zero' }
  if (cents > PRICE_MAX_CENTS) return { ok: false, problem: 'tooHigh' }
  return { ok: true, cents }
}

/** 1250 → "12.50": a price as the dialog shows it to edit (no currency sign). */
export function priceInput(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

export type TextProblem = 'empty' | 'tooLong' | 'control'

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/** A name or category: trimmed, 1…max UTF-16 units (as the platform counts), one plain line. */
export function textProblem(text: string, max: number): TextProblem | null {
  const clean = text.trim()
  if (clean === '') return 'empty'
  if (CONTROL.test(clean)) return 'control'
  if (clean.length > max) return 'tooLong'
  return null
}

export interface DishForm {
  name: string
  price: string
  category: string
}

export interface DishDraft {
  name: string
  priceCents: number
  category: string
}

export interface DishProblems {
  name?: TextProblem
  price?: PriceProblem
  category?: TextProblem
}

/** The dialog's fields → what the platform is sent, or what is wrong with each field. */
export function checkDish(form: DishForm): { ok: true; draft: DishDraft } | { ok: false; problems: DishProblems } {
  const problems: DishProblems = {}
  const name = textProblem(form.name, NAME_MAX)
  if (name) problems.name = name
  const category = textProblem(form.category, CATEGORY_MAX)
  if (category) problems.category = category
  const price = parsePriceCents(form.price)
  if (!price.ok) problems.price = price.problem
  if (!price.ok || name || category) return { ok: false, problems }
  return { ok: true, draft: { name: form.name.trim(), priceCents: price.cents, category: form.category.trim() } }
}

export type PictureProblem = 'type' | 'size' | 'empty'

/** Whether a chosen file can be sent as a dish's picture: JPEG, PNG or WebP, 1 byte … 1 MiB. */
export function pictureProblem(file: { type: string; size: number }): PictureProblem | null {
  if (!(PICTURE_TYPES as readonly string[]).includes(file.type.toLowerCase())) return 'type'
  if (file.size <= 0) return 'empty'
  if (file.size > PICTURE_MAX_BYTES) return 'size'
  return null
}

export interface CategoryGroup {
  category: string
  items: MerchantItem[]
}

/** The dishes by category, categories in the order the platform lists their first dish. */
export function groupByCategory(items: readonly MerchantItem[]): CategoryGroup[] {
  const groups = new Map<string, MerchantItem[]>()
  for (const item of items) {
    const list = groups.get(item.category)
    if (list) list.push(item)
    else groups.set(item.category, [item])
  }
  return [...groups].map(([category, list]) => ({ category, items: list }))
}

export type DishState = 'available' | 'soldOut' | 'offSale'

export function dishState(item: Pick<MerchantItem, 'onSale' | 'stockLeft'>): DishState {
  if (!item.onSale) return 'offSale'
  return item.stockLeft > 0 ? 'available' : 'soldOut'
}

/** A file size for a person, rounded up so that a file over 1 MB never reads "1.0 MB": 1572864 → "1.5 MB". */
export function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`
}
