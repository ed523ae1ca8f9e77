import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Shift } from '@shared/types'
import { client, useAuth } from '../face'

/**
 * What the device knows of the rider's shift: the platform's answer (GET /rider/shift on
 * load, POST /rider/shift on a change), also kept in localStorage (one entry per rider
 * account) so the page draws at once.
 */
interface SavedShift {
  shift: Shift
  /** The building the rider was last at: the shift's start, then each stop done. */
  positionBuildingId: number | null
}

const keyOf = (riderId: number) => `lunchrush.rider.shift.${riderId}`

function read(riderId: number | null): SavedShift | null {
  if (riderId === null) return null
  try {
    const raw = localStorage.getItem(keyOf(riderId))
    if (!raw) return null
    const saved = JSON.parse(raw) as SavedShift
    return typeof saved.shift?.onShift === 'boolean' ? saved : null
  } catch {
    return null
  }
}

export const useShiftStore = defineStore('rider-shift', () => {
  const auth = useAuth()
  const riderId = computed(() => auth.account?.userId ?? null)
  const saved = ref<SavedShift | null>(read(riderId.value))
  watch(riderId, (id) => {
    saved.value = read(id)
  })

  const shift = computed(() => saved.value?.shift ?? null)
  const onShift = computed(() => saved.value?.shift.onShift === true)
  const capacity = computed(() => saved.value?.shift.capacity ?? null)
  const startBuildingId = computed(() => saved.value?.shift.buildingId ?? null)
  const positionBuildingId = computed(() => saved.value?.positionBuildingId ?? null)

  function save(next: SavedShift) {
    saved.value = next
    if (riderId.value === null) return
    try {
      localStorage.setItem(keyOf(riderId.value), JSON.stringify(next))
    } catch {
      // private mode: the state lasts for this page only
    }
  }

  /** Goes on shift at a building (the platform needs one for a rider's first shift). */
  async function goOn(buildingId: number) {
    const answer = await client.shift(true, buildingId)
    save({ shift: answer, positionBuildingId: answer.buildingId })
    return answer
  }

  /** Goes off shift: the orders not picked up go back to dispatch. */
  async function goOff() {
    const answer = await client.shift(false)
    save({ shift: answer, positionBuildingId: saved.value?.positionBuildingId ?? answer.buildingId })
    return answer
  }

  /** Asks the platform whether the rider is on shift (another device may have changed it). */
  async function load() {
    const answer = await client.currentShift()
    const keep = saved.value?.shift.onShift === answer.onShift ? saved.value.positionBuildingId : null
    save({ shift: answer, positionBuildingId: keep ?? answer.buildingId })
    return answer
  }

  /** The rider finished a stop there: the route now starts from that building. */
  function arrivedAt(buildingId: number) {
    if (saved.value) save({ ...saved.value, positionBuildingId: buildingId })
  }

  return { shift, onShift, capacity, startBuildingId, positionBuildingId, goOn, goOff, load, arrivedAt }
})
