import { showNotify } from 'vant'
import { shortId } from '@shared/format'
import { i18n } from './face'

/** Tells the rider at once that orders left the route without being delivered. */
export function announceVanished(orderIds: readonly string[]) {
  if (orderIds.length === 0) return
  const t = i18n.global.t as (key: string, named?: Record<string, unknown>) => string
  const orders = orderIds.map(shortId).join(i18n.global.locale.value === 'en' ? ', ' : '、')
  showNotify({
    type: 'warning',
    message: t('route.vanished', { orders }),
    duration: 6000,
    // Darker than Vant's orange, for white text that can be read.
    background: '#9a3412',
  })
}
