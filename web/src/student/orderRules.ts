import type { Order, OrderStatus } from '@shared/types'

/** The steps a delivered order goes through, as the order page draws them. */
export const STEPS: OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'ACCEPTED', 'READY', 'PICKED_UP', 'DELIVERED']

export function stepIndex(status: OrderStatus): number {
  if (status === 'PLACED') return 0
  return STEPS.indexOf(status)
}

export function isFinal(status: OrderStatus): boolean {
  return status === 'DELIVERED' || status === 'CANCELLED' || status === 'REFUNDED'
}

/**
 * Whether the order page has nothing more to wait for: a final state, and no refund asked
 * of the provider that it has not confirmed yet (a paid order cancelled is CANCELLED first,
 * then REFUNDED when the money is back).
 */
export function settled(status: OrderStatus, timeline: { type: string }[]): boolean {
  if (!isFinal(status)) return false
  const refundAsked = timeline.some((entry) => entry.type === 'REFUND_REQUESTED')
  const refunded = status === 'REFUNDED' || timeline.some((entry) => entry.type === 'REFUND')
  return !refundAsked || refunded
}

/**
 * Which cancellation rule applies now (docs/api.md, POST /orders/{id}/cancel):
 * - `free`: not paid yet, the order just closes;
 * - `refund`: paid but not accepted, cancelled at once and the payment refunded;
 * - `request`: accepted or ready, the merchant must agree, then the payment is refunded;
 * - `none`: too late (on its way or done), or a request is already waiting.
 */
export type CancelRule = 'free' | 'refund' | 'request' | 'none'

export function cancelRule(order: Order): CancelRule {
  switch (order.status) {
    case 'PLACED':
    case 'PENDING_PAYMENT':
      return 'free'
    case 'PAID':
      return 'refund'
    case 'ACCEPTED':
    case 'READY':
      return order.cancellationRequested ? 'none' : 'request'
    default:
      return 'none'
  }
}

/** 催单 is for an order on its way: paid and not yet handed over. */
export function canUrge(status: OrderStatus): boolean {
  return status === 'PAID' || status === 'ACCEPTED' || status === 'READY' || status === 'PICKED_UP'
}
