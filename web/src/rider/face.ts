import { defineAuthStore } from '@shared/auth'
import { createFaceI18n } from '@shared/i18n'
import { createFaceClient } from '@shared/session'
import { messages } from './messages'

export const i18n = createFaceI18n(messages)
export const useAuth = defineAuthStore('rider', 'RIDER')
export const client = createFaceClient(() => useAuth(), () => i18n.global.locale.value)
