import { Http } from './api'
import { createClient, type Client } from './client'
import type { defineAuthStore } from './auth'

type AuthStore = ReturnType<ReturnType<typeof defineAuthStore>>

/**
 * Wires a face's client to its signed-in account and its language: every call carries the
 * token and Accept-Language, and a 401 signs the face out.
 */
export function createFaceClient(auth: () => AuthStore, locale: () => string): Client {
  const http = new Http({
    token: () => auth().token,
    locale,
    unauthenticated: () => auth().forget(),
  })
  return createClient(http)
}
