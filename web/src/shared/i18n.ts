import { createI18n } from 'vue-i18n'
import { zh as sharedZh } from './messages/zh'
import { en as sharedEn } from './messages/en'

export type Locale = 'zh-CN' | 'en'

const STORAGE_KEY = 'lunchrush.locale'

export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

/**
 * The face's i18n: the shared messages (errors, states, login) merged with the face's own.
 * Chinese by default; the choice is remembered on the device.
 */
export function createFaceI18n<M extends object>(face: { zh: M; en: M }) {
  const i18n = createI18n({
    legacy: false,
    locale: storedLocale(),
    fallbackLocale: false,
    missingWarn: true,
    fallbackWarn: false,
    // Also in production builds (where vue-i18n's own warnings are off): a page must never show
    // a message key; the e2e run fails on this line in a console.
    missing: (locale: string, key: string) => {
      console.error(`[lunchrush] missing message "${key}" (${locale})`)
      return key
    },
    messages: {
      'zh-CN': { ...sharedZh, ...face.zh },
      en: { ...sharedEn, ...face.en },
    },
  })
  document.documentElement.lang = i18n.global.locale.value
  return i18n
}

export function setLocale(i18n: { global: { locale: unknown } }, locale: Locale) {
  ;(i18n.global.locale as { value: string }).value = locale
  document.documentElement.lang = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // private mode: the choice lasts for this page only
  }
}
