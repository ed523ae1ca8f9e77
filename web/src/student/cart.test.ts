import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCartStore } from './stores/cart'
import type { Order } from '@shared/types'

describe('the cart', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('keeps one cart per stall', () => {
    const cart = useCartStore()
    cart.set(1, 10, 2)
    cart.set(2, 20, 1)
    expect(cart.lines(1)).toEqual([{ itemId: 10, quantity: 2 }])
    expect(cart.lines(2)).toEqual([{ itemId: 20, quantity: 1 }])
    expect(cart.count(1)).toBe(2)
  })

  it('keeps the same order key until the order is placed, and a new one after', () => {
    const cart = useCartStore()
    cart.set(1, 10, 2)
    const key = cart.orderKey(1)
    expect(cart.orderKey(1)).toBe(key)
    cart.placed(1)
    expect(cart.lines(1)).toEqual([])
    cart.set(1, 10, 1)
    expect(cart.orderKey(1)).not.toBe(key)
  })

  it('a changed cart is a different order: it gets a new key', () => {
    const cart = useCartStore()
    cart.set(1, 10, 2)
    const key = cart.orderKey(1)
    cart.set(1, 11, 1)
    expect(cart.orderKey(1)).not.toBe(key)
  })

  it('keeps the key across a reload, so a retry after a reload is the same order', () => {
    const cart = useCartStore()
    cart.set(1, 10, 2)
    const key = cart.orderKey(1)
    setActivePinia(createPinia())
    return Promise.resolve().then(() => {
      const reloaded = useCartStore()
      expect(reloaded.orderKey(1)).toBe(key)
      expect(reloaded.lines(1)).toEqual([{ itemId: 10, quantity: 2 }])
    })
  })

  it('再来一单 refills the stall cart from the earlier order', () => {
    const cart = useCartStore()
    cart.refill({ merchantId: 4, items: [{ itemId: 40, name: 'x', unitPriceCents: 100, quantity: 3 }] } as Order)
    expect(cart.lines(4)).toEqual([{ itemId: 40, quantity: 3 }])
  })
})
