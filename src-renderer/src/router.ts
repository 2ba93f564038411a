/**
 * Hash history: Electron loads the app from a custom `app://` protocol and web mode from one static
 * page, and neither serves deep paths. Views are loaded on demand (ECharts only where there is a chart).
 */
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the view's title, for the sidebar and the window title. */
    titleKey?: string;
  }
}

export interface NavigationItem {
  name: string;
  titleKey: string;
}

/** Sidebar sections: the services, then the tools. */
export const navigation: NavigationItem[][] = [
  [
    { name: 'overview', titleKey: 'nav.overview' },
    { name: 'load-balancers', titleKey: 'nav.loadBalancers' },
    { name: 'auto-scaling', titleKey: 'nav.autoScaling' },
    { name: 'route53', titleKey: 'nav.route53' },
    { name: 'rds', titleKey: 'nav.rds' },
    { name: 'lambda', titleKey: 'nav.lambda' },
  ],
  [
    { name: 'simulator', titleKey: 'nav.simulator' },
    { name: 'settings', titleKey: 'nav.settings' },
    { name: 'activity', titleKey: 'nav.activity' },
  ],
];

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'overview' } },
  { path: '/overview', name: 'overview', component: () => import('@/views/overview/OverviewView.vue'), meta: { titleKey: 'nav.overview' } },
  {
    path: '/load-balancers',
    name: 'load-balancers',
    component: () => import('@/views/load-balancers/LoadBalancersView.vue'),
    meta: { titleKey: 'nav.loadBalancers' },
  },
  {
    path: '/auto-scaling',
    name: 'auto-scaling',
    component: () => import('@/views/auto-scaling/AutoScalingView.vue'),
    meta: { titleKey: 'nav.autoScaling' },
  },
  { path: '/route53', name: 'route53', component: () => import('@/views/route53/Route53View.vue'), meta: { titleKey: 'nav.route53' } },
  { path: '/rds', name: 'rds', component: () => import('@/views/rds/RdsView.vue'), meta: { titleKey: 'nav.rds' } },
  { path: '/lambda', name: 'lambda', component: () => import('@/views/lambda/LambdaView.vue'), meta: { titleKey: 'nav.lambda' } },
  { path: '/simulator', name: 'simulator', component: () => import('@/views/simulator/SimulatorView.vue'), meta: { titleKey: 'nav.simulator' } },
  { path: '/settings', name: 'settings', component: () => import('@/views/settings/SettingsView.vue'), meta: { titleKey: 'nav.settings' } },
  { path: '/activity', name: 'activity', component: () => import('@/views/activity/ActivityView.vue'), meta: { titleKey: 'nav.activity' } },
  { path: '/:pathMatch(.*)*', redirect: { name: 'overview' } },
];

export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
