import { defineConfig } from '@playwright/test'

// The end-to-end run of the three faces against a running platform (LUNCHRUSH_BASE_URL),
// in Debian's Chromium: `npx playwright install` cannot download a browser here.
// app/src/test/java/org/lunchrush/WebFacesE2EIT.java starts the packaged platform and runs
// this inside `./mvnw verify`; by hand: `LUNCHRUSH_BASE_URL=http://localhost:8080 npx playwright test`.
export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: process.env.LUNCHRUSH_E2E_OUT ?? 'test-results',
  use: {
    baseURL: process.env.LUNCHRUSH_BASE_URL ?? 'http://localhost:8080',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.LUNCHRUSH_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
