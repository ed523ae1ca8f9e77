import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Building } from '@shared/types'
import { client } from '../face'

/** The campus buildings, to name an order's delivery building on its card. */
export const useCampusStore = defineStore('campus', () => {
  const buildings = ref<Building[]>([])
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (buildings.value.length > 0) return Promise.resolve()
    loading ??= client
      .campus()
      .then((campus) => {
        buildings.value = campus.buildings
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  function building(id: number): Building | undefined {
    return buildings.value.find((b) => b.id === id)
  }

  return { buildings, load, building }
})
