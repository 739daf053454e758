import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router';
import { useSessionStore } from './auth/session-store';
import { isFace, type Face } from './auth/faces';
import { CONSOLE_PAGES } from './console/console-pages';
import { i18n, setLocale } from './i18n';
import { isLocale } from './i18n/locale';

declare module 'vue-router' {
  interface RouteMeta {
    face?: Face;
    /** True for the face itself, false for its login page. */
    requiresSession?: boolean;
  }
}

function faceRoutes(face: Face, view: () => Promise<unknown>, children?: RouteRecordRaw[]): RouteRecordRaw[] {
  const face_: RouteRecordRaw = children
    ? { path: `/${face}`, component: view, meta: { face, requiresSession: true }, children: [{ path: '', name: face, redirect: { name: children[0]!.name! } }, ...children] }
    : { path: `/${face}`, name: face, component: view, meta: { face, requiresSession: true } };
  return [
    face_,
    { path: `/${face}/login`, name: `${face}-login`, component: () => import('./auth/LoginView.vue'), meta: { face, requiresSession: false } },
  ];
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/console' },
  ...faceRoutes('wall', () => import('./wall/WallView.vue')),
  // The after-action replay: the wall's face, a past window played again.
  { path: '/wall/replay', name: 'wall-replay', component: () => import('./replay/ReplayView.vue'), meta: { face: 'wall', requiresSession: true } },
  ...faceRoutes('console', () => import('./console/ConsoleView.vue'), CONSOLE_PAGES),
  ...faceRoutes('field', () => import('./field/FieldView.vue')),
  { path: '/:pathMatch(.*)*', redirect: '/console' },
];

/** The login route of a face, keeping `?lang=` and where to go back to. */
export function loginLocation(face: Face, from?: RouteLocationNormalized) {
  const query: Record<string, string> = {};
  const lang = from?.query.lang;
  if (typeof lang === 'string') query.lang = lang;
  if (from && from.meta.requiresSession) query.redirect = from.fullPath;
  return { name: `${face}-login`, query };
}

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach((to) => {
  const lang = to.query.lang;
  if (isLocale(lang)) setLocale(lang, false);
  const face = to.meta.face;
  if (!isFace(face) || !to.meta.requiresSession) return true;
  return useSessionStore().sessionFor(face) ? true : loginLocation(face, to);
});

router.afterEach((to) => {
  const face = to.meta.face;
  const { t } = i18n.global;
  document.title = isFace(face) ? `${t(`app.faces.${face}`)} · ${t('app.name')}` : t('app.name');
});
