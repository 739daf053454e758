import type { ImportRejection } from '@watchfloor/shared';

/** The parts of vue-i18n's composer this needs, so it tests without a component. */
export interface Translator {
  t(key: string, params: Record<string, unknown>): string;
  te(key: string): boolean;
}

/**
 * A refused row's reason in the UI's language, from its code and params; the server's English
 * text when the code is one this build does not know (a newer server).
 */
export function rejectionText(rejection: Pick<ImportRejection, 'code' | 'params' | 'reason'>, i18n: Translator): string {
  const key = `imports.reasons.${rejection.code}`;
  return i18n.te(key) ? i18n.t(key, rejection.params ?? {}) : rejection.reason;
}
