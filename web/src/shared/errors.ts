import { ApiError } from './api'
import { zh } from './messages/zh'

type Translate = (key: string, named?: Record<string, unknown>) => string

const KNOWN = new Set(Object.keys(zh.errors))

/**
 * What a person reads for a failure: the message of its code in the chosen language, never
 * the code itself or a stack trace. Codes the face does not know fall back to a general
 * message.
 */
export function errorText(t: Translate, failure: unknown): string {
  if (failure instanceof ApiError) {
    return t(`errors.${KNOWN.has(failure.code) ? failure.code : 'UNKNOWN'}`)
  }
  return t('errors.UNKNOWN')
}
