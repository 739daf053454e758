import { createI18n } from 'vue-i18n';
import en from './en';
import { DEFAULT_LOCALE, pickLocale, type Locale } from './locale';
import zhCN, { type MessageSchema } from './zh-CN';

const LOCALE_KEY = 'watchfloor.locale';

function savedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: pickLocale(new URLSearchParams(location.search).get('lang'), savedLocale()),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
});

/** Switches the UI language, remembers it, and tells the document (screen readers, fonts). */
export function setLocale(locale: Locale, remember = true): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  if (!remember) return;
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Not remembered; the default applies next time.
  }
}

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

document.documentElement.lang = currentLocale();

declare module 'vue-i18n' {
  // Typed message keys for `t()` in every component.
  export interface DefineLocaleMessage extends MessageSchema {}
}
