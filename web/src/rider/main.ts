import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { Button, Cell, CellGroup, Dialog, Empty, Field, Form, Icon, Loading, NavBar, Notify, Picker, Popup, Tag, Toast } from 'vant'
import 'vant/lib/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './face'

const app = createApp(App)
for (const component of [Button, Cell, CellGroup, Dialog, Empty, Field, Form, Icon, Loading, NavBar, Notify, Picker, Popup, Tag, Toast]) {
  app.use(component)
}
app.use(createPinia()).use(i18n).use(router).mount('#app')
