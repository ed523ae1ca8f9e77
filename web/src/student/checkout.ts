export type Tableware = 'none' | 'one' | 'two'

const TABLEWARE_TEXT: Record<Tableware, string> = {
  none: '无需餐具',
  one: '餐具1份',
  two: '餐具2份',
}

/**
 * The order's note as the merchant reads it (in Chinese, the stall's language): the
 * student's remark, then the tableware wanted. The platform caps a note at 200 characters.
 */
export function tablewareNote(remark: string, tableware: Tableware): string {
  const text = remark.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim()
  return [text, TABLEWARE_TEXT[tableware]].filter((part) => part.length > 0).join('；').slice(0, 200)
}
