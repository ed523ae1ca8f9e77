import { createRouter, createWebHistory } from 'vue-router'
import { useAuth } from './face'

export const router = createRouter({
  history: createWebHistory('/rider/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
    { path: '/', name: 'route', component: () => import('./views/RouteView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach((to) => {
  if (to.name !== 'login' && !useAuth().signedIn) {
    return { name: 'login', query: { next: to.fullPath } }
  }
  return true
})
