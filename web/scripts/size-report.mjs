// Prints each face's first-load size (the JS and CSS its index.html loads, with the chunks
// those import eagerly), raw and gzipped, and fails when the student app is over its budget.
import { readFileSync, existsSync } from 'node:fs'
import { join, dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = process.env.LUNCHRUSH_WEB_OUT ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const STUDENT_BUDGET = 250 * 1024
const faces = [
  ['student', 'index.html'],
  ['merchant', 'merchant/index.html'],
  ['rider', 'rider/index.html'],
]

function eagerFiles(page) {
  const html = readFileSync(join(root, page), 'utf8')
  const found = new Set()
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)) found.add(match[1])
  // A JS entry's static imports load before the page runs: follow them.
  const queue = [...found].filter((f) => f.endsWith('.js'))
  while (queue.length > 0) {
    const file = queue.pop()
    const code = readFileSync(join(root, file), 'utf8')
    for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      const next = `/assets/${match[1]}`
      if (!found.has(next)) {
        found.add(next)
        queue.push(next)
      }
    }
  }
  return [...found]
}

let failed = false
console.log('First load of each face (JS and CSS the page loads before it runs):')
for (const [face, page] of faces) {
  if (!existsSync(join(root, page))) {
    console.log(`  ${face.padEnd(9)} (no page)`)
    continue
  }
  let raw = 0
  let gzip = 0
  for (const file of eagerFiles(page)) {
    const bytes = readFileSync(resolve(root, `.${file}`))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  const over = face === 'student' && gzip > STUDENT_BUDGET
  failed ||= over
  console.log(
    `  ${face.padEnd(9)} ${(raw / 1024).toFixed(1).padStart(8)} KB raw  ${(gzip / 1024).toFixed(1).padStart(7)} KB gzip` +
      (face === 'student' ? `  (budget ${STUDENT_BUDGET / 1024} KB gzip${over ? ': OVER' : ''})` : ''),
  )
}
if (failed) {
  console.error('The student app is over its first-load budget.')
  process.exit(1)
}
