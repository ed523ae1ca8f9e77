import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { newIdempotencyKey } from '@shared/retry'
import type { Order } from '@shared/types'

const STORAGE_KEY = 'lunchrush.student.carts'

interface Saved {
  carts: Record<number, Record<number, number>>
  keys: Record<number, string>
}

/**
 * One cart per stall: item id → quantity. Prices and totals are not kept here: they are the
 * platform's to say (the menu for a price, the order for what is paid). The cart also holds
 * the Idempotency-Key of the order the student is about to place at each stall: the same key
 * until that order is placed, so that a retry, a double tap or a reload cannot make a second
 * order; a changed cart is a different order and gets a new key.
 */
export const useCartStore = defineStore('cart', () => {
  const saved = load()
  const carts = ref<Record<number, Record<number, number>>>(saved.carts)
  const keys = ref<Record<number, string>>(saved.keys)

  watch([carts, keys], () => localStorage.setItem(STORAGE_KEY, JSON.stringify({ carts: carts.value, keys: keys.value })), {
    deep: true,
  })

  function quantity(merchantId: number, itemId: number): number {
    return carts.value[merchantId]?.[itemId] ?? 0
  }

  function set(merchantId: number, itemId: number, count: number) {
    const cart = { ...(carts.value[merchantId] ?? {}) }
    if (count > 0) cart[itemId] = Math.min(99, Math.floor(count))
    else delete cart[itemId]
    carts.value = { ...carts.value, [merchantId]: cart }
    delete keys.value[merchantId]
  }

  function lines(merchantId: number): { itemId: number; quantity: number }[] {
    return Object.entries(carts.value[merchantId] ?? {})
      .map(([itemId, count]) => ({ itemId: Number(itemId), quantity: count }))
      .filter((line) => line.quantity > 0)
  }

  function count(merchantId: number): number {
    return lines(merchantId).reduce((sum, line) => sum + line.quantity, 0)
  }

  /** The key of the order about to be placed at this stall (made on first use, then kept). */
  function orderKey(merchantId: number): string {
    let key = keys.value[merchantId]
    if (!key) {
      key = newIdempotencyKey()
      keys.value = { ...keys.value, [merchantId]: key }
    }
    return key
  }

  /** The order is placed: the cart empties and the next order gets a new key. */
  function placed(merchantId: number) {
    const next = { ...carts.value }
    delete next[merchantId]
    carts.value = next
    const nextKeys = { ...keys.value }
    delete nextKeys[merchantId]
    keys.value = nextKeys
  }

  /** 再来一单: the cart of the stall becomes the lines of an earlier order. */
  function refill(order: Order) {
    const cart: Record<number, number> = {}
    for (const line of order.items) cart[line.itemId] = line.quantity
    carts.value = { ...carts.value, [order.merchantId]: cart }
    delete keys.value[order.merchantId]
  }

  const stalls = computed(() => Object.keys(carts.value).map(Number).filter((id) => count(id) > 0))

  return { carts, quantity, set, lines, count, orderKey, placed, refill, stalls }
})

function load(): Saved {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (raw) {
      const saved = JSON.parse(raw) as Saved
      return { carts: saved.carts ?? {}, keys: saved.keys ?? {} }
    }
  } catch {
    // a damaged entry is dropped
  }
  return { carts: {}, keys: {} }
}
