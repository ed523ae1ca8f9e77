import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MerchantSettings } from '@shared/types'
import { client } from '../face'

type Change = Partial<Pick<MerchantSettings, 'autoAccept' | 'busy' | 'openingHours'>>

/** The stall's settings as the platform last answered them. */
export const useStallSettingsStore = defineStore('stallSettings', () => {
  const settings = ref<MerchantSettings | null>(null)

  async function load() {
    settings.value = await client.merchantSettings()
    return settings.value
  }

  /** Sends one change; the platform's answer (all the settings) replaces what was shown. */
  async function update(change: Change) {
    settings.value = await client.updateMerchantSettings(change)
    return settings.value
  }

  function reset() {
    settings.value = null
  }

  return { settings, load, update, reset }
})
