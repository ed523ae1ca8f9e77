import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { MerchantReport } from '@shared/types'
import { client } from '../face'
import { defaultRange, type DayRange } from '../reports'

/** The stall's sales report for a range of campus days, as the platform computed it. */
export const useSalesReportStore = defineStore('salesReport', () => {
  const range = ref<DayRange>(defaultRange())
  const report = ref<MerchantReport | null>(null)
  const loading = ref(false)
  const failure = ref<unknown>(null)
  let asked = 0

  /** Asks the report for a range; an answer to an earlier question is dropped. */
  async function load(wanted: DayRange = range.value) {
    const mine = ++asked
    range.value = { ...wanted }
    loading.value = true
    try {
      const answer = await client.merchantReport(wanted.from, wanted.to)
      if (mine !== asked) return
      report.value = answer
      failure.value = null
    } catch (error) {
      if (mine === asked) failure.value = error
    } finally {
      if (mine === asked) loading.value = false
    }
  }

  /** The same report as an Excel workbook the platform makes. */
  function workbook(wanted: DayRange = range.value): Promise<Blob> {
    return client.merchantReportWorkbook(wanted.from, wanted.to)
  }

  return { range, report, loading, failure, load, workbook }
})
