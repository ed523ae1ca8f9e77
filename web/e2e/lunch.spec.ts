import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'
import { apiGet, apiPost, desktop, expectNoRawText, logIn, phone, screenshot, token } from './support'

const require = createRequire(import.meta.url)
const AXE = require.resolve('axe-core/axe.min.js')

// The demo campus: stall 2 (第一食堂·兰州拉面, merchant2) delivers to 梅园1栋 (building 1).
const STALL = '第一食堂·兰州拉面'
const MERCHANT = 'merchant2'

/** The last six digits the faces show of an order id. */
const short = (orderId: string) => orderId.slice(-6)

async function axe(page: Page, name: string) {
  await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run()
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
  expect(violations, `${name}: serious or critical accessibility violations`).toEqual([])
}

/** The student app's order page, loaded once: a marker on window shows it never reloaded. */
async function markLoaded(page: Page) {
  await page.evaluate(() => ((window as unknown as { __loadedOnce: boolean }).__loadedOnce = true))
}

async function stillSameLoad(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __loadedOnce?: boolean }).__loadedOnce === true)).toBe(true)
}

async function orderAndPay(page: Page, building: string): Promise<string> {
  await page.getByText(STALL).click()
  await page.getByRole('button', { name: /^增加 / }).first().click()
  await page.getByRole('button', { name: /^增加 / }).nth(1).click()
  await page.getByRole('button', { name: '去结算' }).click()
  await page.getByRole('radio', { name: building }).click()
  await page.getByRole('radio', { name: '1 份' }).click()
  await page.getByRole('button', { name: '提交订单' }).click()
  await expect(page).toHaveURL(/\/orders\/\d+$/)
  const orderId = page.url().split('/').pop()!
  await expect(page.getByTestId('order-status')).toHaveText('待支付')
  await page.getByRole('button', { name: /^支付/ }).click()
  await page.getByRole('button', { name: '确认支付' }).click()
  return orderId
}

test('the lunch story: a student orders and pays, the merchant is rung and cooks, a rider delivers, the student watches', async ({ browser }) => {
  const student = await (await phone(browser)).newPage()
  const merchant = await (await desktop(browser)).newPage()
  const rider = await (await phone(browser)).newPage()
  const other = await (await phone(browser)).newPage()

  await logIn(merchant, '/merchant/', MERCHANT)
  await expect(merchant.getByRole('heading', { name: '订单看板' })).toBeVisible()
  await logIn(rider, '/rider/', 'rider1')
  await rider.getByRole('button', { name: '上班' }).click()
  await rider.getByRole('button', { name: '确定' }).click()
  await expect(rider.getByText('在岗')).toBeVisible()
  await logIn(student, '/', 'student21')
  await logIn(other, '/', 'student22')

  // 1. The student orders and pays.
  const orderId = await orderAndPay(student, '梅园1栋')
  const paidAt = Date.now()
  await markLoaded(student)
  await expect(student.getByTestId('order-status')).toHaveText('已支付')

  // 2. The merchant console rings, accepts and marks the food ready.
  const card = merchant.getByRole('article', { name: new RegExp(short(orderId)) })
  await expect(card).toBeVisible()
  const rang = await merchant.waitForFunction(
    (id) => (window as unknown as { __lunchrushAlerts?: { orderId: string; at: number }[] }).__lunchrushAlerts?.find((a) => a.orderId === id)?.at,
    orderId,
  )
  console.log(`paid → merchant alert: ${(await rang.jsonValue()) as number - paidAt} ms`)
  await screenshot(merchant, 'merchant-board')
  await expectNoRawText(merchant)
  await card.getByRole('button', { name: '接单' }).click()
  await expect(student.getByTestId('order-status')).toHaveText('商家已接单')
  await expect(student.getByText(/承诺 \d\d:\d\d 前送达/).first()).toBeVisible()

  // A 催单 reaches the merchant: its card says so and the console rings; a second one is too soon.
  await student.getByRole('button', { name: '催单' }).click()
  await expect(student.getByText('已催单，商家会尽快出餐')).toBeVisible()
  await expect(merchant.getByRole('article', { name: new RegExp(short(orderId)) })).toContainText('学生催单')
  await merchant.waitForFunction(
    (id) => (window as unknown as { __lunchrushAlerts?: { orderId: string; kind: string }[] }).__lunchrushAlerts?.some((a) => a.orderId === id && a.kind === 'urge'),
    orderId,
  )
  await student.getByRole('button', { name: '催单' }).click()
  await expect(student.getByText(/刚刚催过了，\d\d:\d\d 后可以再催/)).toBeVisible()
  await merchant.getByRole('article', { name: new RegExp(short(orderId)) }).getByRole('button', { name: '出餐' }).click()
  await expect(student.getByTestId('order-status')).toHaveText('已出餐')

  // 3. A rider on shift gets the task, picks up and delivers.
  const stop = rider.getByRole('listitem', { name: new RegExp(short(orderId)) })
  await expect(stop.first()).toBeVisible({ timeout: 60_000 })
  await expect
    .poll(async () => (await rider.evaluate(() => (window as unknown as { __lunchrushMap?: { stops: { orderId: string; kind: string }[] } }).__lunchrushMap?.stops ?? [])).filter((s) => s.orderId === orderId).map((s) => s.kind))
    .toEqual(['PICKUP', 'DROPOFF'])
  await screenshot(rider, 'rider-route')
  await expectNoRawText(rider)
  await rider.getByRole('listitem', { name: new RegExp(short(orderId)) }).getByRole('button', { name: '取餐' }).click()
  await rider.getByRole('dialog').getByRole('button', { name: '确定' }).click()
  await expect(student.getByTestId('order-status')).toHaveText('配送中')
  await rider.getByRole('listitem', { name: new RegExp(short(orderId)) }).getByRole('button', { name: '送达' }).click()
  await rider.getByRole('dialog').getByRole('button', { name: '确定' }).click()

  // The rider's day counts the hand-over and the distance ridden.
  await expect(rider.getByTestId('today-delivered')).toHaveText('1')
  await expect(rider.getByTestId('today-distance')).not.toHaveText('0.0')

  // 4. The student's page showed every state without a reload.
  await expect(student.getByTestId('order-status')).toHaveText('已送达')
  await stillSameLoad(student)
  await expectNoRawText(student)
  await screenshot(student, 'student-delivered')

  // The student rates the order; the stall's score on the home page counts it.
  await student.getByRole('button', { name: '5 星' }).click()
  await student.getByRole('textbox', { name: '评价' }).fill('面很筋道，送得也快')
  await student.getByRole('button', { name: '提交评价' }).click()
  await expect(student.getByText('我的评价')).toBeVisible()
  await expect(student.getByText('面很筋道，送得也快')).toBeVisible()
  await student.goto('/')
  await expect(student.getByRole('button', { name: new RegExp(STALL) })).toContainText(/★ 5\.0（1 条评价）/)

  // Meanwhile another student cancels a paid order before the stall accepts it: refunded.
  const cancelled = await orderAndPay(other, '梅园2栋')
  await expect(other.getByTestId('order-status')).toHaveText('已支付')
  await other.getByRole('button', { name: '取消订单' }).click()
  await expect(other.getByRole('dialog')).toContainText(/商家接单前可直接取消，已支付的 ¥\d+\.\d\d 将原路退回/)
  await other.getByRole('dialog').getByRole('button', { name: '确认取消' }).click()
  await expect(other.getByTestId('order-status')).toHaveText('已退款')
  await expect(other.getByText('退款到账')).toBeVisible()
  await expect(merchant.getByRole('article', { name: new RegExp(short(cancelled)) })).toContainText('已退款')
})

test('paid → merchant alert, measured over a series of orders', async ({ browser, request }) => {
  const merchant = await (await desktop(browser)).newPage()
  await logIn(merchant, '/merchant/', 'merchant4')
  await expect(merchant.getByRole('heading', { name: '订单看板' })).toBeVisible()
  const students = await Promise.all([31, 32, 33, 34, 35].map((n) => token(request, `student${n}`)))
  const menu = (await apiGet(request, students[0], '/api/v1/merchants/4/menu')) as { itemId: number }[]
  const paidAt = new Map<string, number>()
  for (let n = 0; n < 15; n++) {
    const bearer = students[n % students.length]
    const placed = await request.post('/api/v1/orders', {
      data: { merchantId: 4, deliveryBuildingId: 3, items: [{ itemId: menu[n % menu.length].itemId, quantity: 1 }] },
      headers: { Authorization: `Bearer ${bearer}`, 'Idempotency-Key': `alert-series-${Date.now()}-${n}` },
    })
    expect(placed.status()).toBe(202)
    const orderId = (await placed.json()).orderId as string
    await expect.poll(async () => (await apiGet(request, bearer, `/api/v1/orders/${orderId}`)).status).toBe('PENDING_PAYMENT')
    const payment = await apiPost(request, bearer, `/api/v1/orders/${orderId}/payment`)
    await apiPost(request, bearer, `/sandbox-pay/${payment.paymentId}/confirm`)
    paidAt.set(orderId, Date.now())
    await merchant.waitForTimeout(400 + ((n * 137) % 700))
  }
  const alerts = await merchant.waitForFunction(
    (ids) => {
      const seen = (window as unknown as { __lunchrushAlerts?: { orderId: string; at: number }[] }).__lunchrushAlerts ?? []
      return ids.every((id) => seen.some((a) => a.orderId === id)) ? seen : null
    },
    [...paidAt.keys()],
    { timeout: 30_000 },
  )
  const seen = (await alerts.jsonValue()) as { orderId: string; at: number }[]
  const latencies = [...paidAt.entries()].map(([id, at]) => seen.find((a) => a.orderId === id)!.at - at).sort((a, b) => a - b)
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]
  console.log(`paid → merchant alert over ${latencies.length} orders: median ${p(0.5)} ms, p99 ${p(0.99)} ms, max ${latencies[latencies.length - 1]} ms`)
  expect(p(0.99)).toBeLessThanOrEqual(2000)
})

test('each face\'s main pages have no serious or critical accessibility violation', async ({ browser }) => {
  const student = await (await phone(browser)).newPage()
  await student.goto('/login')
  await expect(student.getByRole('button', { name: '登录' })).toBeVisible()
  await axe(student, 'student login')
  await logIn(student, '/', 'student23')
  await expect(student.getByRole('heading', { name: '第一食堂' })).toBeVisible()
  await axe(student, 'student home')
  await student.getByText(STALL).click()
  await expect(student.getByRole('button', { name: /^增加 / }).first()).toBeVisible()
  await axe(student, 'student menu')
  await student.goto('/orders')
  await expect(student.getByRole('heading', { name: '我的订单' })).toBeVisible()
  await axe(student, 'student orders')
  await student.goto('/me')
  await expect(student.getByRole('heading', { name: '我的' })).toBeVisible()
  await axe(student, 'student me')
  await screenshot(student, 'student-coupons')

  const merchant = await (await desktop(browser)).newPage()
  await merchant.goto('/merchant/')
  await expect(merchant.getByRole('button', { name: '登录' })).toBeVisible()
  await axe(merchant, 'merchant login')
  await logIn(merchant, '/merchant/', 'merchant6')
  await expect(merchant.getByRole('heading', { name: '订单看板' })).toBeVisible()
  await axe(merchant, 'merchant board')
  await merchant.getByRole('link', { name: '菜单与库存' }).click()
  await expect(merchant.getByRole('heading', { name: '菜单与库存' })).toBeVisible()
  await axe(merchant, 'merchant menu')
  await screenshot(merchant, 'merchant-menu')
  await merchant.getByRole('link', { name: '店铺设置' }).click()
  await expect(merchant.getByRole('heading', { name: '店铺设置' })).toBeVisible()
  await axe(merchant, 'merchant settings')
  await screenshot(merchant, 'merchant-settings')

  const rider = await (await phone(browser)).newPage()
  await rider.goto('/rider/')
  await expect(rider.getByRole('button', { name: '登录' })).toBeVisible()
  await axe(rider, 'rider login')
  await logIn(rider, '/rider/', 'rider2')
  await expect(rider.getByRole('heading', { name: '我的路线' })).toBeVisible()
  await axe(rider, 'rider route')
})
