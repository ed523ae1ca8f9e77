import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Rating, RatingPage } from '@shared/types'

const platform = vi.hoisted(() => ({ ratings: [] as Rating[] }))

vi.mock('../face', () => ({
  client: {
    merchantRatings: async (page = 0, size = 20): Promise<RatingPage> => ({
      ratings: platform.ratings.slice(page * size, (page + 1) * size),
      page,
      size,
      hasMore: platform.ratings.length > (page + 1) * size,
      average: 4.2,
      count: platform.ratings.length,
    }),
  },
}))

const { useStallRatingsStore, RATINGS_PAGE_SIZE } = await import('./stallRatings')

const rating = (n: number): Rating => ({ orderId: String(1000 + n), stars: 1 + (n % 5), comment: null, ratedAt: '2026-11-24T12:00:00+08:00' })

describe('useStallRatingsStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    platform.ratings = Array.from({ length: RATINGS_PAGE_SIZE + 5 }, (_, n) => rating(n))
  })

  it('shows the first page with the average, then loads more until none is left', async () => {
    const store = useStallRatingsStore()
    await store.loadFirst()
    expect(store.ratings).toHaveLength(RATINGS_PAGE_SIZE)
    expect([store.average, store.count, store.hasMore]).toEqual([4.2, RATINGS_PAGE_SIZE + 5, true])
    await store.loadMore()
    expect(store.ratings).toHaveLength(RATINGS_PAGE_SIZE + 5)
    expect(store.hasMore).toBe(false)
  })

  it('does not show a rating twice when a new one pushed the pages down', async () => {
    const store = useStallRatingsStore()
    await store.loadFirst()
    platform.ratings.unshift(rating(999))
    await store.loadMore()
    const ids = store.ratings.map((r) => r.orderId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toHaveLength(RATINGS_PAGE_SIZE + 5)
  })
})
