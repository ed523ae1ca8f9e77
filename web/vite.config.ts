/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

// One multi-page build for the three faces. The pages live under src/ so that their
// paths are the URLs the platform serves: / (student), /merchant/ and /rider/.
// LUNCHRUSH_WEB_OUT is where Maven wants the files (inside the web module's jar).
const outDir = process.env.LUNCHRUSH_WEB_OUT ?? fileURLToPath(new URL('./dist', import.meta.url))

/**
 * The dev server's history fallback for the merchant and rider faces (the platform does
 * the same in production: edge's WebFacesConfiguration): /merchant/menu → /merchant/index.html.
 */
function faceDeepLinks(): Plugin {
  return {
    name: 'lunchrush-face-deep-links',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const match = req.url?.match(/^\/(merchant|rider)\/[^.?]*(\?.*)?$/)
        if (match && req.headers.accept?.includes('text/html')) req.url = `/${match[1]}/index.html`
        next()
      })
    },
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('./src', import.meta.url)),
  base: '/',
  plugins: [vue(), faceDeepLinks()],
  resolve: {
    alias: {
      '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    // The student app must stay small on a phone: the build prints each face's size
    // (scripts/size-report.mjs) and fails above the budget.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        student: fileURLToPath(new URL('./src/index.html', import.meta.url)),
        merchant: fileURLToPath(new URL('./src/merchant/index.html', import.meta.url)),
        rider: fileURLToPath(new URL('./src/rider/index.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sandbox-pay': 'http://localhost:8080',
    },
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
  },
})
