import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { Cell, CellGroup } from 'vant'
import TotalsCard from './TotalsCard.vue'
import { messages } from './messages'
import { zh as shared } from '@shared/messages/zh'

const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': { ...shared, ...messages.zh } } })

describe('the totals card', () => {
  it('shows what the platform computed, not a sum of its own', () => {
    // Lines of ¥12 and ¥16 would sum to ¥28; the platform says ¥27.50 after a coupon of ¥3
    // on a subtotal of ¥30.50 (say, a packing fee): the card must show the platform's figures.
    const card = mount(TotalsCard, {
      props: { subtotalCents: 3050, discountCents: 300, totalCents: 2750 },
      global: { plugins: [i18n, Cell, CellGroup] },
    })
    expect(card.text()).toContain('¥30.50')
    expect(card.text()).toContain('-¥3.00')
    expect(card.get('[data-testid="total"]').text()).toBe('¥27.50')
  })

  it('follows a new answer of the platform', async () => {
    const card = mount(TotalsCard, {
      props: { subtotalCents: 2800, discountCents: 0, totalCents: 2800 },
      global: { plugins: [i18n, Cell, CellGroup] },
    })
    expect(card.text()).not.toContain('优惠')
    await card.setProps({ subtotalCents: 2800, discountCents: 500, totalCents: 2300 })
    expect(card.get('[data-testid="total"]').text()).toBe('¥23.00')
    expect(card.text()).toContain('优惠')
  })
})
