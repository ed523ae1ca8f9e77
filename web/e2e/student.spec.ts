import { expect, test } from '@playwright/test'
import { apiPut, expectNoRawText, logIn, phone, screenshot, token } from './support'

// Stall 2 (第一食堂·兰州拉面) and 梅园1栋, a dorm in its zone, in the demo campus.
const STALL = '第一食堂·兰州拉面'

test('a student orders and pays in a few taps, and the page follows the order without a reload', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await logIn(page, '/', 'student11')
  await expect(page.getByRole('heading', { name: '第一食堂' })).toBeVisible()
  await expect(page.getByText(STALL)).toBeVisible()
  await screenshot(page, 'student-home')
  await expectNoRawText(page)

  await page.getByText(STALL).click()
  await page.getByRole('button', { name: /^增加 / }).first().click()
  await screenshot(page, 'student-menu')
  await page.getByRole('button', { name: '去结算' }).click()

  await page.getByRole('radio', { name: '梅园1栋' }).click()
  await page.getByLabel('备注').fill('少辣')
  // The checkout shows what the platform computes; the order then charges exactly that.
  await expect(page.getByTestId('total')).toHaveText(/^¥\d+\.\d\d$/)
  const quoted = await page.getByTestId('total').innerText()
  await screenshot(page, 'student-checkout')
  await page.getByRole('button', { name: '提交订单' }).click()

  await expect(page).toHaveURL(/\/orders\/\d+$/)
  await expect(page.getByTestId('order-status')).toHaveText('待支付')
  await expectNoRawText(page)
  await expect(page.getByTestId('order-total')).toHaveText(quoted)
  await page.getByRole('button', { name: /^支付/ }).click()
  await page.getByRole('button', { name: '确认支付' }).click()
  await expect(page.getByTestId('order-status')).toHaveText(/已支付|商家已接单/)
  await screenshot(page, 'student-order')
  await context.close()
})

test('a sold-out dish is marked, and an order for it is refused with its message', async ({ browser, request }) => {
  const merchant = await token(request, 'merchant3')
  // 第一食堂·广式烧腊's first dish (items are numbered per stall in the demo: 12 each).
  const context = await phone(browser)
  const page = await context.newPage()
  await logIn(page, '/', 'student12')
  await page.getByText('第一食堂·广式烧腊').click()
  const add = page.getByRole('button', { name: /^增加 / }).first()
  const itemName = (await add.getAttribute('aria-label'))!.replace(/^增加 /, '')
  await add.click()
  const menu = (await (await request.get('/api/v1/merchants/3/menu', { headers: { Authorization: `Bearer ${merchant}` } })).json()) as {
    itemId: number
    name: string
  }[]
  const item = menu.find((m) => m.name === itemName)!
  await apiPut(request, merchant, `/api/v1/merchant/items/${item.itemId}/stock`, { stock: 0 })
  try {
    await page.getByRole('button', { name: '去结算' }).click()
    await page.getByRole('radio', { name: '梅园2栋' }).click()
    await page.getByRole('button', { name: '提交订单' }).click()
    await expect(page.getByRole('alert')).toHaveText('有菜品已售罄')
    await expect(page.getByText('已售罄').first()).toBeVisible()
    await page.goto('/merchants/3')
    await expect(page.getByText('已售罄').first()).toBeVisible()
    await screenshot(page, 'student-sold-out')
  } finally {
    await apiPut(request, merchant, `/api/v1/merchant/items/${item.itemId}/stock`, { stock: 300 })
  }
  await context.close()
})

test('the student app switches between Chinese and English', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await logIn(page, '/', 'student13')
  await expect(page.getByRole('heading', { name: '食堂档口' })).toBeVisible()
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Canteen stalls' })).toBeVisible()
  await expect(page.getByText('Open').first()).toBeVisible()
  await expectNoRawText(page)
  await screenshot(page, 'student-home-en')
  await page.getByRole('button', { name: '中文' }).click()
  await expect(page.getByRole('heading', { name: '食堂档口' })).toBeVisible()
  await context.close()
})
