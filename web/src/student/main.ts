import { createApp } from 'vue'
import { createPinia } from 'pinia'
import {
  ActionBar,
  ActionBarButton,
  ActionBarIcon,
  Button,
  Cell,
  CellGroup,
  Checkbox,
  Dialog,
  Empty,
  Field,
  Form,
  Icon,
  Loading,
  NavBar,
  NoticeBar,
  Picker,
  Popup,
  Radio,
  RadioGroup,
  Rate,
  Search,
  Steps,
  Step,
  Tab,
  Tabbar,
  TabbarItem,
  Tabs,
  Tag,
} from 'vant'
import 'vant/lib/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './face'

const app = createApp(App)
for (const component of [
  ActionBar,
  ActionBarButton,
  ActionBarIcon,
  Button,
  Cell,
  CellGroup,
  Checkbox,
  Dialog,
  Empty,
  Field,
  Form,
  Icon,
  Loading,
  NavBar,
  NoticeBar,
  Picker,
  Popup,
  Radio,
  RadioGroup,
  Rate,
  Search,
  Steps,
  Step,
  Tab,
  Tabbar,
  TabbarItem,
  Tabs,
  Tag,
]) {
  app.use(component)
}
app.use(createPinia()).use(i18n).use(router).mount('#app')
