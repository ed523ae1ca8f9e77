import { onMounted, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ApiError } from './api'
import type { Client } from './client'
import type { defineAuthStore } from './auth'
import { errorText } from './errors'
import type { Role } from './types'

type AuthStore = ReturnType<ReturnType<typeof defineAuthStore>>

/**
 * A face's login form: logs in through the API, refuses an account of another role, goes
 * back to the page that asked for the login, and shows the demo accounts of the face's role
 * while the demo campus is in use.
 */
export function useLoginForm(client: Client, auth: AuthStore, role: Role, demoPrefix: string) {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const username = ref('')
  const password = ref('')
  const error = ref('')
  const busy = ref(false)
  const hint = ref<{ first: string; last: string; password: string } | null>(null)

  onMounted(async () => {
    try {
      const demo = await client.demoAccounts()
      const group = demo.groups.find((g) => g.first.startsWith(demoPrefix))
      if (group) hint.value = { first: group.first, last: group.last, password: demo.password }
    } catch {
      // no demo campus: no hint
    }
  })

  async function submit() {
    error.value = ''
    busy.value = true
    try {
      await auth.login(client, username.value.trim(), password.value)
      const next = typeof route.query.next === 'string' && route.query.next.startsWith('/') ? route.query.next : '/'
      await router.replace(next)
    } catch (failure) {
      error.value =
        failure instanceof ApiError && failure.message === 'wrong role'
          ? t('auth.wrongRole', { role: t(`roles.${role}`) })
          : errorText(t, failure)
    } finally {
      busy.value = false
    }
  }

  return { username, password, error, busy, hint, submit }
}
