/** The languages the UI speaks; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the UI language: an explicit `?lang=` wins (how a wall is set, since nobody clicks on it),
 * then the saved choice, then the default. Accepts `en`, `en-US`, `zh`, `zh-CN` and the like.
 */
export function pickLocale(query: string | null | undefined, saved: string | null | undefined): Locale {
  for (const candidate of [query, saved]) {
    if (!candidate) continue;
    if (isLocale(candidate)) return candidate;
    const base = candidate.toLowerCase().split(/[-_]/)[0];
    if (base === 'en') return 'en';
    if (base === 'zh') return 'zh-CN';
  }
  return DEFAULT_LOCALE;
}
