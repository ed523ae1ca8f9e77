import { createRouter, createWebHistory } from 'vue-router'
import { useAuth } from './face'

export const router = createRouter({
  history: createWebHistory('/merchant/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
    { path: '/', name: 'board', component: () => import('./views/BoardView.vue') },
    { path: '/menu', name: 'menu', component: () => import('./views/MenuView.vue') },
    { path: '/reports', name: 'reports', component: () => import('./views/ReportsView.vue') },
    { path: '/ratings', name: 'ratings', component: () => import('./views/RatingsView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach((to) => {
  if (to.name !== 'login' && !useAuth().signedIn) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  }
  if (to.name === 'login' && useAuth().signedIn) return { name: 'board' }
  return true
})
