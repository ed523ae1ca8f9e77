import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import HotStrip from './HotStrip.vue'
import { hotItemsOrNone } from './hotItems'
import { messages } from './messages'
import { zh as shared } from '@shared/messages/zh'
import { en as sharedEn } from '@shared/messages/en'
import { ApiError } from '@shared/api'
import type { HotItem } from '@shared/types'

const ITEMS: HotItem[] = [
  { itemId: 11, name: '蜜汁叉烧饭', priceCents: 1800, merchantId: 3, merchantName: '第一食堂·广式烧腊', soldToday: 42, pictureUrl: null },
  { itemId: 27, name: '牛肉粿条', priceCents: 1650, merchantId: 9, merchantName: '第二食堂·潮汕牛肉粉', soldToday: 30, pictureUrl: '/api/v1/items/27/picture?v=ab12' },
]

function strip(items: HotItem[], locale = 'zh-CN') {
  const i18n = createI18n({
    legacy: false,
    locale,
    messages: { 'zh-CN': { ...shared, ...messages.zh }, en: { ...sharedEn, ...messages.en } },
  })
  return mount(HotStrip, { props: { items }, global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } } })
}

describe('the 今日热销 strip', () => {
  it('shows the platform’s best sellers in its order, each leading to its stall’s menu', () => {
    const view = strip(ITEMS)
    expect(view.get('h2').text()).toBe('今日热销')
    const links = view.findAllComponents(RouterLinkStub)
    expect(links.map((link) => link.props('to'))).toEqual(['/merchants/3', '/merchants/9'])
    expect(links[0].text()).toContain('蜜汁叉烧饭')
    expect(links[0].text()).toContain('¥18.00 · 已售 42 份')
    // Its accessible name is what it shows (axe: label-content-name-mismatch); the stall is its title.
    expect(links[0].attributes('aria-label')).toBeUndefined()
    expect(links[0].attributes('title')).toBe('第一食堂·广式烧腊')
    expect(view.findAll('img').map((img) => img.attributes('src'))).toEqual(['/api/v1/items/27/picture?v=ab12'])
  })

  it('does not repeat the stall’s name as text, which the stall list below already shows', () => {
    expect(strip(ITEMS).text()).not.toContain('第一食堂·广式烧腊')
  })

  it('speaks English when asked', () => {
    const view = strip(ITEMS, 'en')
    expect(view.get('h2').text()).toBe('Popular today')
    expect(view.text()).toContain('42 sold')
  })

  it('shows nothing at all without items', () => {
    expect(strip([]).find('[data-testid="hot-strip"]').exists()).toBe(false)
    expect(strip([]).text()).toBe('')
  })
})

describe('the hot list to show', () => {
  it('is the platform’s list', async () => {
    expect(await hotItemsOrNone(async () => ({ day: '2026-12-06', countedAt: '2026-12-06T12:00:00+08:00', items: ITEMS }))).toEqual(ITEMS)
  })

  it('is none while the platform has it switched off under load', async () => {
    const degraded = new ApiError(503, { code: 'DEGRADED', message: '系统繁忙', details: { switch: 'HOT_ITEMS' } }, 3)
    expect(await hotItemsOrNone(() => Promise.reject(degraded))).toEqual([])
  })

  it('is none when the platform cannot be reached', async () => {
    expect(await hotItemsOrNone(() => Promise.reject(new TypeError('Failed to fetch')))).toEqual([])
  })
})
