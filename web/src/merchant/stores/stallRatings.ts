import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Rating } from '@shared/types'
import { client } from '../face'

export const RATINGS_PAGE_SIZE = 20

/** The students' ratings of the stall, newest first, a page at a time, with its average. */
export const useStallRatingsStore = defineStore('stallRatings', () => {
  const ratings = ref<Rating[]>([])
  const average = ref<number | null>(null)
  const count = ref(0)
  const hasMore = ref(false)
  const loaded = ref(false)
  const loading = ref(false)
  const failure = ref<unknown>(null)
  let nextPage = 0

  async function fetchPage(page: number) {
    loading.value = true
    try {
      const answer = await client.merchantRatings(page, RATINGS_PAGE_SIZE)
      // A rating arriving meanwhile pushes the pages down by one: drop what is shown already.
      const shown = new Set(page === 0 ? [] : ratings.value.map((r) => r.orderId))
      const fresh = answer.ratings.filter((r) => !r.orderId || !shown.has(r.orderId))
      ratings.value = page === 0 ? fresh : [...ratings.value, ...fresh]
      average.value = answer.average
      count.value = answer.count
      hasMore.value = answer.hasMore
      nextPage = page + 1
      loaded.value = true
      failure.value = null
    } catch (error) {
      failure.value = error
    } finally {
      loading.value = false
    }
  }

  const loadFirst = () => fetchPage(0)
  const loadMore = () => (loading.value || !hasMore.value ? Promise.resolve() : fetchPage(nextPage))

  return { ratings, average, count, hasMore, loaded, loading, failure, loadFirst, loadMore }
})
