import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'

export const PASSWORD = process.env.LUNCHRUSH_DEMO_PASSWORD ?? 'demo123'

/** Where the run leaves its screenshots (docs/screenshots when WebFacesE2EIT runs it). */
const SCREENSHOTS = process.env.LUNCHRUSH_SCREENSHOTS

export async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
}

export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true }
export const DESKTOP = { viewport: { width: 1366, height: 900 } }

/**
 * What the pages said on their consoles that a person must never meet: vue-i18n's warnings of
 * a missing message (the page would show the key) and uncaught errors. Checked after each test.
 */
const consoleProblems: string[] = []

function watched(context: BrowserContext): BrowserContext {
  context.on('page', (page) => {
    page.on('console', (message) => {
      const text = message.text()
      if (/\[lunchrush\] missing message|Not found '.+' key in '.+' locale messages/.test(text)) {
        consoleProblems.push(`${page.url()}: ${text}`)
      }
    })
    page.on('pageerror', (error) => consoleProblems.push(`${page.url()}: uncaught ${error.message}`))
  })
  return context
}

test.afterEach(() => {
  const problems = consoleProblems.splice(0)
  expect(problems, 'missing messages or uncaught errors in the pages').toEqual([])
})

export async function phone(browser: Browser): Promise<BrowserContext> {
  return watched(await browser.newContext({ ...PHONE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }))
}

export async function desktop(browser: Browser): Promise<BrowserContext> {
  return watched(await browser.newContext({ ...DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }))
}

/** A token for the API, for arranging what a test needs (stock, shifts) outside the faces. */
export async function token(request: APIRequestContext, username: string): Promise<string> {
  const answer = await request.post('/api/v1/auth/login', { data: { username, password: PASSWORD } })
  expect(answer.status(), `login ${username}`).toBe(200)
  return (await answer.json()).token as string
}

export async function apiPut(request: APIRequestContext, bearer: string, path: string, data: unknown) {
  const answer = await request.put(path, { data, headers: { Authorization: `Bearer ${bearer}` } })
  expect(answer.ok(), `${path}: ${answer.status()} ${await answer.text()}`).toBeTruthy()
  return answer.json()
}

export async function apiPost(request: APIRequestContext, bearer: string, path: string, data: unknown = {}) {
  const answer = await request.post(path, { data, headers: { Authorization: `Bearer ${bearer}` } })
  expect(answer.ok(), `${path}: ${answer.status()} ${await answer.text()}`).toBeTruthy()
  return answer.json()
}

export async function apiGet(request: APIRequestContext, bearer: string, path: string) {
  const answer = await request.get(path, { headers: { Authorization: `Bearer ${bearer}` } })
  expect(answer.ok(), `${path}: ${answer.status()}`).toBeTruthy()
  return answer.json()
}

/** Logs a face in through its own login page. */
export async function logIn(page: Page, path: string, username: string) {
  await page.goto(path)
  await page.getByLabel(/用户名|Username/).fill(username)
  await page.getByLabel(/密码|Password/).fill(PASSWORD)
  await page.getByRole('button', { name: /^(登录|Log in)$/ }).click()
}

/** No page may show an untranslated key, a raw error code or a stack trace. */
export async function expectNoRawText(page: Page) {
  const text = await page.locator('body').innerText()
  expect(text).not.toMatch(/\b(errors|status|timeline|home|menu|checkout|order|orders|coupons|board|route|shift)\.[a-zA-Z_]+/)
  expect(text).not.toMatch(/\b[A-Z]{3,}_[A-Z_]{3,}\b/)
  expect(text).not.toMatch(/Exception|at org\.|at java\./)
}
