import { createRouter, createWebHistory } from 'vue-router'
import { useAuth } from './face'

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue') },
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { tab: true } },
    { path: '/merchants/:merchantId(\\d+)', name: 'menu', component: () => import('./views/MenuView.vue'), props: true },
    {
      path: '/merchants/:merchantId(\\d+)/checkout',
      name: 'checkout',
      component: () => import('./views/CheckoutView.vue'),
      props: true,
    },
    { path: '/orders', name: 'orders', component: () => import('./views/OrdersView.vue'), meta: { tab: true } },
    { path: '/orders/:orderId(\\d+)', name: 'order', component: () => import('./views/OrderView.vue'), props: true },
    { path: '/me', name: 'me', component: () => import('./views/MeView.vue'), meta: { tab: true } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
})

router.beforeEach((to) => {
  if (to.name !== 'login' && !useAuth().signedIn) {
    return { name: 'login', query: { next: to.fullPath } }
  }
  return true
})
