import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ItemDraft, MerchantItem } from '@shared/types'

// The platform as the store sees it: its dishes, and what the store sent.
const platform = vi.hoisted(() => ({ items: [] as MerchantItem[], sent: [] as string[] }))

vi.mock('../face', () => ({
  client: {
    merchantItems: async () => platform.items.map((i) => ({ ...i })),
    createItem: async (draft: ItemDraft): Promise<MerchantItem> => {
      platform.sent.push(`create ${draft.name} ${draft.priceCents}`)
      const item = { itemId: 9, pictureUrl: null, stockLeft: 0, onSale: true, ...draft }
      platform.items.push(item)
      return { ...item }
    },
    deleteItem: async (itemId: number) => {
      platform.sent.push(`delete ${itemId}`)
      platform.items = platform.items.filter((i) => i.itemId !== itemId)
    },
    uploadPicture: async (itemId: number, picture: Blob): Promise<MerchantItem> => {
      platform.sent.push(`picture ${itemId} ${picture.type}`)
      const item = platform.items.find((i) => i.itemId === itemId)!
      item.pictureUrl = `/api/v1/items/${itemId}/picture?v=2`
      return { ...item }
    },
  },
}))

const { useMenuStockStore } = await import('./menuStock')

const dish = (itemId: number, name: string): MerchantItem => ({
  itemId,
  name,
  priceCents: 1500,
  category: '面食',
  onSale: true,
  pictureUrl: null,
  stockLeft: 3,
})

describe('useMenuStockStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    platform.items = [dish(1, '牛肉面'), dish(2, '刀削面')]
    platform.sent = []
  })

  it("lists the merchant's dishes, then shows each change as the platform answers it", async () => {
    const menu = useMenuStockStore()
    await menu.refresh()
    expect(menu.items.map((i) => i.name)).toEqual(['牛肉面', '刀削面'])

    await menu.create({ name: '凉皮', priceCents: 1250, category: '小吃', onSale: true })
    expect(menu.items.map((i) => i.name)).toEqual(['牛肉面', '刀削面', '凉皮'])

    await menu.uploadPicture(1, new Blob(['x'], { type: 'image/png' }))
    expect(menu.items[0].pictureUrl).toBe('/api/v1/items/1/picture?v=2')

    await menu.remove(2)
    expect(menu.items.map((i) => i.name)).toEqual(['牛肉面', '凉皮'])
    expect(platform.sent).toEqual(['create 凉皮 1250', 'picture 1 image/png', 'delete 2'])
  })
})
