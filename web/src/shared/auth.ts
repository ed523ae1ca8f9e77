import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Client } from './client'
import type { LoginAnswer, Role } from './types'
import { ApiError } from './api'

/**
 * The signed-in account of one face, kept on the device (localStorage, one entry per face,
 * so a phone can be a student and a rider at once). A face accepts only its own role.
 */
export function defineAuthStore(face: string, role: Role) {
  const storageKey = `lunchrush.auth.${face}`
  return defineStore(`auth-${face}`, () => {
    const account = ref<LoginAnswer | null>(read(storageKey))
    const token = computed(() => account.value?.token ?? null)
    const signedIn = computed(() => account.value !== null)

    async function login(client: Client, username: string, password: string) {
      const answer = await client.login(username, password)
      if (answer.role !== role) {
        throw new ApiError(403, { code: 'FORBIDDEN', message: 'wrong role', details: { role: answer.role } })
      }
      account.value = answer
      localStorage.setItem(storageKey, JSON.stringify(answer))
      return answer
    }

    function forget() {
      account.value = null
      localStorage.removeItem(storageKey)
    }

    async function logout(client: Client) {
      try {
        await client.logout()
      } finally {
        forget()
      }
    }

    return { account, token, signedIn, login, logout, forget }
  })
}

function read(key: string): LoginAnswer | null {
  try {
    const raw = localStorage.getItem(key)
    if (!raw) return null
    const answer = JSON.parse(raw) as LoginAnswer
    if (!answer.token || new Date(answer.expiresAt).getTime() <= Date.now()) return null
    return answer
  } catch {
    return null
  }
}
