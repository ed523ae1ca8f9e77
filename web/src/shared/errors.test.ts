import { describe, expect, it } from 'vitest'
import { ApiError } from './api'
import { errorText } from './errors'
import { zh } from './messages/zh'

const t = (key: string) => {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], zh)
  return typeof value === 'string' ? value : key
}

describe('errorText', () => {
  it('shows a known code as its message, never the code', () => {
    expect(errorText(t, new ApiError(409, { code: 'SOLD_OUT', message: 'x' }))).toBe('有菜品已售罄')
    expect(errorText(t, new ApiError(429, { code: 'RATE_LIMITED', message: 'x' }))).toBe('系统繁忙，请稍后再试')
  })

  it('shows an unknown code or a thrown error as the general message', () => {
    expect(errorText(t, new ApiError(418, { code: 'TEAPOT', message: 'x' }))).toBe(zh.errors.UNKNOWN)
    expect(errorText(t, new TypeError('boom'))).toBe(zh.errors.UNKNOWN)
  })
})
