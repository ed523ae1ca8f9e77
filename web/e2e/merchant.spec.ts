import { expect, test } from '@playwright/test'
import { desktop, expectNoRawText, logIn, phone, screenshot } from './support'

// A 1×1 PNG: a real picture, small enough for any check.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

test('a merchant adds and edits a dish with its picture, and students see it', async ({ browser }) => {
  // Names of this run only, so the test can run again on the same platform.
  const run = String(Date.now()).slice(-5)
  const first = `招牌凉面${run}`
  const dish = `鸡丝凉面${run}`
  const merchant = await (await desktop(browser)).newPage()
  await logIn(merchant, '/merchant/', 'merchant7')
  await merchant.getByRole('link', { name: '菜单与库存' }).click()
  await expect(merchant.getByRole('heading', { name: '菜单与库存' })).toBeVisible()

  await merchant.getByRole('button', { name: '新增菜品' }).click()
  const create = merchant.getByRole('dialog', { name: '新增菜品' })
  await create.getByLabel('菜名').fill(first)
  await create.getByLabel('价格（元）').fill('12.5')
  await create.getByLabel('分类').fill('夏日特供')
  await create.getByRole('button', { name: '保存' }).click()
  const row = merchant.getByRole('row', { name: new RegExp(first) })
  await expect(row).toContainText('¥12.50')

  await row.getByRole('button', { name: '编辑' }).click()
  const edit = merchant.getByRole('dialog', { name: '编辑菜品' })
  await edit.getByLabel('菜名').fill(dish)
  await edit.getByLabel('价格（元）').fill('13.8')
  await edit.getByRole('button', { name: '保存' }).click()
  const edited = merchant.getByRole('row', { name: new RegExp(dish) })
  await expect(edited).toContainText('¥13.80')
  await merchant.getByLabel(`上传 ${dish} 的图片`).setInputFiles({ name: 'noodles.png', mimeType: 'image/png', buffer: PNG })
  await expect(edited.getByRole('img')).toHaveAttribute('src', /\/api\/v1\/items\/\d+\/picture/)
  await merchant.getByLabel(`${dish} 的库存`).fill('20')
  await merchant.getByRole('button', { name: `设置${dish}库存` }).click()
  await expect(edited).toContainText('20')
  await expect(edited).toContainText('今日已售 0 份')
  await screenshot(merchant, 'merchant-menu-editor')
  await expectNoRawText(merchant)

  const student = await (await phone(browser)).newPage()
  await logIn(student, '/', 'student41')
  await student.getByText('第二食堂·黄焖鸡米饭').click()
  await expect(student.getByRole('heading', { name: '夏日特供' })).toBeVisible()
  await expect(student.getByRole('button', { name: `增加 ${dish}` })).toBeEnabled()
  await expect(student.getByText(dish)).toBeVisible()
  await expect(student.getByText('¥13.80').first()).toBeVisible()
  const picture = student.locator('img[src*="/api/v1/items/"]').first()
  await expect(picture).toBeVisible()
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1)
})

test('the merchant reports show the day and export Excel', async ({ browser }) => {
  const merchant = await (await desktop(browser)).newPage()
  await logIn(merchant, '/merchant/', 'merchant2')
  await merchant.getByRole('link', { name: '经营报表' }).click()
  await expect(merchant.getByRole('heading', { name: '每日营业额与订单' })).toBeVisible()
  await screenshot(merchant, 'merchant-reports')
  await expectNoRawText(merchant)
  const download = merchant.waitForEvent('download')
  await merchant.getByRole('button', { name: '导出 Excel' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^lunchrush-report-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.xlsx$/)
})
