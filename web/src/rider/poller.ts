/**
 * Runs `task` every `everyMs` milliseconds, one run at a time (the next waits for the last to
 * end), skipping runs while the page is hidden. Returns the function that stops it.
 */
export function startPolling(task: () => Promise<void>, everyMs: number): () => void {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const loop = async () => {
    if (stopped) return
    if (typeof document === 'undefined' || !document.hidden) {
      try {
        await task()
      } catch {
        // the task reports its own failures; the next run tries again
      }
    }
    if (!stopped) timer = setTimeout(loop, everyMs)
  }
  timer = setTimeout(loop, everyMs)
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
