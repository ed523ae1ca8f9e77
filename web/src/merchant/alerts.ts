// How the console rings when an order or a cancellation request comes in: a short tone made
// with the Web Audio API (no sound file to load), a desktop notification when the browser
// allows it, and a record in window.__lunchrushAlerts for end-to-end tests.
import type { Arrival, ArrivalKind } from './board'

export interface AlertRecord {
  kind: ArrivalKind
  orderId: string
  /** Date.now() when the console rang. */
  at: number
}

declare global {
  interface Window {
    /** Every ring of the console, in order: e2e tests measure paid → alert with it. */
    __lunchrushAlerts?: AlertRecord[]
    webkitAudioContext?: typeof AudioContext
  }
}

/** The test hook, created once per page. */
export function alertLog(): AlertRecord[] {
  if (!window.__lunchrushAlerts) window.__lunchrushAlerts = []
  return window.__lunchrushAlerts
}

let audio: AudioContext | null = null

function audioContext(): AudioContext | null {
  if (audio) return audio
  const Context = window.AudioContext ?? window.webkitAudioContext
  if (!Context) return null
  try {
    audio = new Context()
  } catch {
    return null
  }
  return audio
}

const unlockListeners = new Set<() => void>()

/**
 * Whether a ring can be heard now: browsers start audio only after the person has touched the
 * page (after a reload with a remembered login, not yet).
 */
export function audioReady(): boolean {
  if (audio) return audio.state === 'running'
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation
  return activation?.hasBeenActive ?? true
}

/** Told once the first gesture has woken the audio up. */
export function onAudioUnlocked(listener: () => void): () => void {
  unlockListeners.add(listener)
  return () => unlockListeners.delete(listener)
}

/**
 * The first click or key press (the login, a tab, anything) wakes the audio up so that later
 * rings are heard.
 */
export function unlockAudioOnFirstGesture() {
  const unlock = () => {
    const context = audioContext()
    if (context && context.state === 'suspended') void context.resume().catch(() => undefined)
    window.removeEventListener('pointerdown', unlock, true)
    window.removeEventListener('keydown', unlock, true)
    for (const listener of unlockListeners) listener()
  }
  window.addEventListener('pointerdown', unlock, true)
  window.addEventListener('keydown', unlock, true)
}

/** Two short beeps for a new order; one low, longer tone for a cancellation request. */
export function playTone(kind: ArrivalKind) {
  const context = audioContext()
  if (!context) return
  if (context.state === 'suspended') void context.resume().catch(() => undefined)
  const notes: [frequency: number, start: number, length: number][] =
    kind === 'order' ? [[880, 0, 0.15], [1320, 0.2, 0.2]] : [[440, 0, 0.45]]
  const now = context.currentTime
  for (const [frequency, start, length] of notes) {
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.type = 'sine'
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, now + start)
    gain.gain.exponentialRampToValueAtTime(0.3, now + start + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, now + start + length)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start(now + start)
    oscillator.stop(now + start + length + 0.05)
  }
}

export type NotificationState = 'unsupported' | 'default' | 'granted' | 'denied'

export function notificationState(): NotificationState {
  if (typeof window === 'undefined' || !('Notification' in window)) return 'unsupported'
  return Notification.permission
}

/** Asked from a button only: browsers refuse (and people dislike) a request on load. */
export async function askNotificationPermission(): Promise<NotificationState> {
  if (notificationState() === 'unsupported') return 'unsupported'
  try {
    return await Notification.requestPermission()
  } catch {
    return notificationState()
  }
}

export interface RingText {
  title: string
  body: string
}

/**
 * Rings once for what arrived: one record per arrival in the test hook, one tone per kind,
 * one notification per arrival (tagged with the order id, so a repeat replaces it).
 */
export function ring(arrivals: readonly Arrival[], text: (arrival: Arrival) => RingText) {
  if (arrivals.length === 0) return
  const log = alertLog()
  const at = Date.now()
  for (const arrival of arrivals) log.push({ kind: arrival.kind, orderId: arrival.orderId, at })
  const kinds = new Set(arrivals.map((a) => a.kind))
  try {
    if (kinds.has('order')) playTone('order')
    else if (kinds.has('cancellation')) playTone('cancellation')
  } catch {
    // no sound on this device: the badge and the notification still tell
  }
  if (notificationState() !== 'granted') return
  for (const arrival of arrivals) {
    try {
      const { title, body } = text(arrival)
      const notification = new Notification(title, { body, tag: `lunchrush-${arrival.kind}-${arrival.orderId}` })
      notification.onclick = () => {
        window.focus()
        notification.close()
      }
    } catch {
      // some browsers allow notifications only from a service worker: the tone still rang
    }
  }
}
