// A steady tick for the board's polling. Chrome slows a hidden tab's timers to one a minute
// after five minutes ("intensive throttling"); a console left behind another window would then
// see a new order up to a minute late. A dedicated worker's timers are not slowed that way,
// so the tick comes from a tiny worker when the browser has them, else from setInterval.

const WORKER_SOURCE = `let id = null
onmessage = (event) => {
  if (id !== null) clearInterval(id)
  id = event.data > 0 ? setInterval(() => postMessage(0), event.data) : null
}`

export function startTicker(everyMs: number, tick: () => void): () => void {
  if (typeof Worker !== 'undefined' && typeof Blob !== 'undefined' && typeof URL.createObjectURL === 'function') {
    try {
      const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }))
      const worker = new Worker(url)
      URL.revokeObjectURL(url)
      worker.onmessage = () => tick()
      worker.postMessage(everyMs)
      return () => worker.terminate()
    } catch {
      // workers refused (a content security policy, an old browser): plain timers below
    }
  }
  const id = setInterval(tick, everyMs)
  return () => clearInterval(id)
}
