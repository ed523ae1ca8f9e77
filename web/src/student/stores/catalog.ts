import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Building, HotItem, Merchant, MenuItem } from '@shared/types'
import { client } from '../face'
import { hotItemsOrNone } from '../hotItems'

/** The campus, its stalls and their menus, as the platform last said. */
export const useCatalogStore = defineStore('catalog', () => {
  const buildings = ref<Building[]>([])
  const merchants = ref<Merchant[]>([])
  const menus = ref<Record<number, MenuItem[]>>({})
  const hotItems = ref<HotItem[]>([])

  async function loadCampus() {
    const [campus, list] = await Promise.all([client.campus(), client.merchants()])
    buildings.value = campus.buildings
    merchants.value = list
  }

  async function loadMenu(merchantId: number) {
    const menu = await client.menu(merchantId)
    menus.value = { ...menus.value, [merchantId]: menu }
    return menu
  }

  /** Today's best sellers, or none while the platform has the list switched off. */
  async function loadHotItems() {
    hotItems.value = await hotItemsOrNone(() => client.hotItems())
  }

  function building(id: number | null | undefined): Building | undefined {
    return buildings.value.find((b) => b.id === id)
  }

  function merchant(id: number): Merchant | undefined {
    return merchants.value.find((m) => m.id === id)
  }

  return { buildings, merchants, menus, hotItems, loadCampus, loadMenu, loadHotItems, building, merchant }
})
