import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { MenuItem } from '@shared/types'
import { client } from '../face'
import { onSaleOf } from '../rules'

export const MENU_REFRESH_MS = 5000

/**
 * The stall's dishes with today's stock, as the menu route answers them, refreshed every five
 * seconds so that the portions left move while students order.
 */
export const useMenuStockStore = defineStore('menuStock', () => {
  const items = ref<MenuItem[]>([])
  const loaded = ref(false)
  const failure = ref<unknown>(null)
  const updatedAt = ref<number | null>(null)
  /** What the console last knew of each item's sale state (the menu cannot say at 0 left). */
  const remembered = ref<Record<number, boolean>>({})
  let merchantId: number | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  let inFlight: Promise<void> | null = null

  const onSale = computed(() => {
    const map: Record<number, boolean> = {}
    for (const item of items.value) map[item.itemId] = onSaleOf(item, remembered.value)
    return map
  })

  function refresh(): Promise<void> {
    if (merchantId === null) return Promise.resolve()
    const id = merchantId
    inFlight ??= client
      .menu(id)
      .then((menu) => {
        items.value = menu
        const known = { ...remembered.value }
        for (const item of menu) if (item.stockLeft > 0) known[item.itemId] = item.available
        remembered.value = known
        loaded.value = true
        failure.value = null
        updatedAt.value = Date.now()
      })
      .catch((error: unknown) => {
        failure.value = error
      })
      .finally(() => {
        inFlight = null
      })
    return inFlight
  }

  function start(forMerchant: number) {
    merchantId = forMerchant
    void refresh()
    timer ??= setInterval(() => void refresh(), MENU_REFRESH_MS)
  }

  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }

  /** A look started after a change, so that it shows the change. */
  async function refreshAfterChange() {
    if (inFlight) await inFlight
    await refresh()
  }

  async function setStock(itemId: number, stock: number) {
    await client.setStock(itemId, stock)
    await refreshAfterChange()
  }

  async function setOnSale(itemId: number, value: boolean) {
    await client.setOnSale(itemId, value)
    remembered.value = { ...remembered.value, [itemId]: value }
    await refreshAfterChange()
  }

  return { items, loaded, failure, updatedAt, onSale, refresh, start, stop, setStock, setOnSale }
})
