// Display helpers. The numbers come from the platform; these only write them out.

/** 1250 → "¥12.50" */
export function yuan(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

const CAMPUS_TIME_ZONE = 'Asia/Shanghai'

/** An ISO time → "HH:MM" in campus time; "" for null. */
export function clock(iso: string | null | undefined): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: CAMPUS_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso))
}

/** An ISO time → "MM-DD HH:MM" in campus time. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: CAMPUS_TIME_ZONE,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/** Short form of a long order id, for lists: the last 6 digits. */
export function shortId(orderId: string): string {
  return orderId.length > 6 ? `…${orderId.slice(-6)}` : orderId
}
