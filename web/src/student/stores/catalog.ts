import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Building, Merchant, MenuItem } from '@shared/types'
import { client } from '../face'

/** The campus, its stalls and their menus, as the platform last said. */
export const useCatalogStore = defineStore('catalog', () => {
  const buildings = ref<Building[]>([])
  const merchants = ref<Merchant[]>([])
  const menus = ref<Record<number, MenuItem[]>>({})

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

  function building(id: number | null | undefined): Building | undefined {
    return buildings.value.find((b) => b.id === id)
  }

  function merchant(id: number): Merchant | undefined {
    return merchants.value.find((m) => m.id === id)
  }

  return { buildings, merchants, menus, loadCampus, loadMenu, building, merchant }
})
