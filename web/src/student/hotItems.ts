import type { HotItem, HotList } from '@shared/types'

/**
 * The hot list to show: the platform's, or none at all. The list is not core: while the
 * platform sheds load it answers 503 DEGRADED, and on that (or any other failure) the
 * home page simply shows no strip rather than an error.
 */
export async function hotItemsOrNone(load: () => Promise<HotList>): Promise<HotItem[]> {
  try {
    return (await load()).items
  } catch {
    return []
  }
}
