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
  { path: 'incidents', name: 'console-incidents', component: () => import('../incidents/IncidentsPage.vue'), meta: { consoleNav: 'incidents.nav' } },
  { path: 'daily-reports', name: 'console-daily-reports', component: () => import('../daily-reports/DailyReportsPage.vue'), meta: { consoleNav: 'dailyReports.nav' } },
  { path: 'warnings', name: 'console-warnings', component: () => import('./WarningsPage.vue'), meta: { consoleNav: 'warnings.nav' } },
  { path: 'dispatch', name: 'console-dispatch', component: () => import('../dispatch/DispatchPage.vue'), meta: { consoleNav: 'rescue.nav.dispatch' } },
  { path: 'evacuation', name: 'console-evacuation', component: () => import('../evacuation/EvacuationPage.vue'), meta: { consoleNav: 'rescue.nav.evacuation' } },
  { path: 'supplies', name: 'console-supplies', component: () => import('../supplies/SuppliesPage.vue'), meta: { consoleNav: 'rescue.nav.supplies' } },
  { path: 'hazards', name: 'console-hazards', component: () => import('../hazards/HazardsPage.vue'), meta: { consoleNav: 'hazards.nav' } },
  { path: 'roster', name: 'console-roster', component: () => import('../roster/RosterPage.vue'), meta: { consoleNav: 'roster.nav' } },
  { path: 'handover', name: 'console-handover', component: () => import('../handover/HandoverPage.vue'), meta: { consoleNav: 'handover.nav' } },
  { path: 'drills', name: 'console-drills', component: () => import('../drills/DrillsPage.vue'), meta: { consoleNav: 'drillDesk.nav' } },
];
