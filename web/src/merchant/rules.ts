// Small input rules of the console, checked before a request so that the person sees the
// problem at once; the platform checks them again and stays the judge.
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
