// A screenshot of Prometheus' own graph page for the last minutes of a run: accepted orders per
// second by replica (stacked), the order route's p50 and p99 across all of them, and each replica's
// CPU. Used for docs/screenshots/prometheus-lunch-curve.png (docs/operations.md, "Monitoring").
//
//   NODE_PATH=web/node_modules node tools/observability/prometheus-graph.cjs \
//     http://127.0.0.1:9090 15m docs/screenshots/prometheus-lunch-curve.png
//
// Runs Debian's Chromium (LUNCHRUSH_CHROMIUM, default /usr/bin/chromium) through playwright-core,
// the web module's dependency: no browser is downloaded (Playwright gives it a fresh profile).
const { chromium } = require('playwright-core')

const ORDERS = 'http_server_requests_seconds'
const ROUTE = 'method="POST", uri="/api/v1/orders"'
const PANELS = [
  { expr: `sum by (instance) (rate(${ORDERS}_count{${ROUTE}, status="202"}[30s]))`, stacked: 1 },
  {
    expr:
      `label_replace(histogram_quantile(0.99, sum by (le) (rate(${ORDERS}_bucket{${ROUTE}}[30s]))), "quantile", "p99", "", "")` +
      ` or label_replace(histogram_quantile(0.50, sum by (le) (rate(${ORDERS}_bucket{${ROUTE}}[30s]))), "quantile", "p50", "", "")`,
    stacked: 0,
  },
  { expr: 'process_cpu_usage{job="lunchrush"}', stacked: 0 },
]

async function main() {
  const [base, range, out] = process.argv.slice(2)
  if (!base || !/^\d+[smh]$/.test(range ?? '') || !out) {
    console.error('usage: prometheus-graph.cjs PROMETHEUS_URL RANGE(e.g. 15m) OUT.png')
    process.exit(2)
  }
  const query = PANELS.map(
    (p, i) =>
      `g${i}.expr=${encodeURIComponent(p.expr)}&g${i}.tab=0&g${i}.stacked=${p.stacked}` +
      `&g${i}.range_input=${range}&g${i}.show_exemplars=0`,
  ).join('&')
  const browser = await chromium.launch({
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
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1650 } })
    await page.goto(`${base.replace(/\/$/, '')}/graph?${query}`)
    // one chart per panel, drawn once its query answered
    await page.waitForFunction((n) => document.querySelectorAll('.rickshaw_graph svg, .graph-chart canvas').length >= n, PANELS.length, {
      timeout: 30_000,
    })
    await page.waitForTimeout(1_500)
    await page.screenshot({ path: out, fullPage: true })
    console.log(`prometheus-graph: ${out}`)
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  console.error(`prometheus-graph: ${error.message}`)
  process.exit(1)
})
