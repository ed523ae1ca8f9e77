import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ItemDraft, MerchantItem } from '@shared/types'
import { client } from '../face'

export const MENU_REFRESH_MS = 5000

/**
 * The stall's dishes, on sale or not, with today's stock, as the platform answers them
 * (GET /api/v1/merchant/items), refreshed every five seconds so that the portions left move
 * while students order. Every change is sent, then the list is asked again.
 */
export const useMenuStockStore = defineStore('menuStock', () => {
  const items = ref<MerchantItem[]>([])
  const loaded = ref(false)
  const failure = ref<unknown>(null)
  const updatedAt = ref<number | null>(null)
  let timer: ReturnType<typeof setInterval> | null = null
  let inFlight: Promise<void> | null = null
  let again = false

  function refresh(): Promise<void> {
    if (inFlight) {
      // A look started before a change may not show it: one more after it.
      again = true
      return inFlight
    }
    inFlight = (async () => {
      do {
        again = false
        try {
          items.value = await client.merchantItems()
          loaded.value = true
          failure.value = null
          updatedAt.value = Date.now()
        } catch (error) {
          failure.value = error
        }
      } while (again)
    })().finally(() => {
      inFlight = null
    })
    return inFlight
  }

  function start() {
    void refresh()
    timer ??= setInterval(() => void refresh(), MENU_REFRESH_MS)
  }

  function stop() {
    if (timer) clearInterval(timer)
    timer = null
  }

  /** One dish as the platform now has it (a change's answer), before the next look. */
  function apply(item: MerchantItem) {
    const at = items.value.findIndex((i) => i.itemId === item.itemId)
    items.value = at < 0 ? [...items.value, item] : items.value.map((i) => (i.itemId === item.itemId ? item : i))
  }

  async function setStock(itemId: number, stock: number) {
    await client.setStock(itemId, stock)
    await refresh()
  }

  async function setOnSale(itemId: number, onSale: boolean) {
    await client.setOnSale(itemId, onSale)
    await refresh()
  }

  async function create(draft: ItemDraft): Promise<MerchantItem> {
    const item = await client.createItem(draft)
    apply(item)
    await refresh()
    return item
  }

  async function update(itemId: number, draft: Omit<ItemDraft, 'onSale'>): Promise<MerchantItem> {
    const item = await client.updateItem(itemId, draft)
    apply(item)
    await refresh()
    return item
  }

  async function remove(itemId: number) {
    await client.deleteItem(itemId)
    items.value = items.value.filter((i) => i.itemId !== itemId)
    await refresh()
  }

  async function uploadPicture(itemId: number, picture: Blob): Promise<MerchantItem> {
    const item = await client.uploadPicture(itemId, picture)
    apply(item)
    await refresh()
    return item
  }

  async function deletePicture(itemId: number) {
    await client.deletePicture(itemId)
    await refresh()
  }

  return {
    items,
    loaded,
    failure,
    updatedAt,
    refresh,
    start,
    stop,
    setStock,
    setOnSale,
    create,
    update,
    remove,
    uploadPicture,
    deletePicture,
  }
})
