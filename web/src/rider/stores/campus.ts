import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Building } from '@shared/types'
import { client } from '../face'

/** The campus buildings, with their place on the campus plan: loaded once per visit. */
export const useCampusStore = defineStore('rider-campus', () => {
  const buildings = ref<Building[]>([])
  const loaded = ref(false)
  const byId = computed(() => new Map(buildings.value.map((building) => [building.id, building])))
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    loading ??= client
      .campus()
      .then((campus) => {
        buildings.value = campus.buildings
        loaded.value = true
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  return { buildings, loaded, byId, load }
})
