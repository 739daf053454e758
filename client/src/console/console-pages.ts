import type { RouteRecordRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page's entry in the console's navigation. */
    consoleNav?: string;
  }
}

/**
 * The console's pages, in navigation order. A domain adds its desk here: one entry, whose
 * `meta.consoleNav` names it in the navigation bar.
 */
export const CONSOLE_PAGES: RouteRecordRaw[] = [
  { path: 'duty-log', name: 'console-duty-log', component: () => import('./DutyLogPage.vue'), meta: { consoleNav: 'console.nav.dutyLog' } },
];
