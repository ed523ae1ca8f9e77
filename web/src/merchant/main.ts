import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './face'
import { alertLog, unlockAudioOnFirstGesture } from './alerts'

// The test hook exists from the start, so that a test can read it before the first ring.
alertLog()
unlockAudioOnFirstGesture()

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
