import type { ErrorBody, ImportRejection } from '@watchfloor/shared';

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

/**
 * Why the server refused a whole file, in the UI's language: from the body's `detail` code and
 * params (an unreadable file, a zip bomb, too many rows), or from `too_large` (HTTP 413); else
 * the server's English message.
 */
export function fileErrorText(body: ErrorBody, i18n: Translator): string {
  const key = body.detail ? `imports.fileErrors.${body.detail.code}` : body.code === 'too_large' ? 'imports.fileTooLarge' : '';
  return key && i18n.te(key) ? i18n.t(key, body.detail?.params ?? {}) : body.message;
}
