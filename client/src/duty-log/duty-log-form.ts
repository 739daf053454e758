import { DUTY_LOG_SOURCES, recordDutyLogSchema, type ErrorBody, type RecordDutyLog } from '@watchfloor/shared';

export type DutyLogSource = (typeof DUTY_LOG_SOURCES)[number];

/** What the form holds: plain strings, as typed. */
export interface DutyLogDraft {
  content: string;
  source: DutyLogSource;
  caller: string;
  handling: string;
}

/** The form's inputs that an error can point at. */
export const DRAFT_FIELDS = ['content', 'source', 'caller', 'handling'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export const emptyDraft = (source: DutyLogSource = 'phone'): DutyLogDraft => ({ content: '', source, caller: '', handling: '' });

/** The `duty-log:record` payload: text trimmed, empty optional fields left out. */
export function draftToPayload(draft: DutyLogDraft): RecordDutyLog {
  const caller = draft.caller.trim();
  const handling = draft.handling.trim();
  return {
    content: draft.content.trim(),
    source: draft.source,
    ...(caller ? { caller } : {}),
    ...(handling ? { handling } : {}),
  };
}

/**
 * Checks the payload with the same schema the server uses, so the form can say what is wrong
 * before sending, in the server's own words. Null when it is valid.
 */
export function checkPayload(payload: RecordDutyLog): ErrorBody | null {
  const result = recordDutyLogSchema.safeParse(payload);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.');
  return { code: 'invalid', message: issue?.message ?? 'invalid', ...(field ? { field } : {}) };
}

/** Which input an error names: the server gives a dotted path, possibly under `payload.`. */
export function fieldOf(error: ErrorBody): DraftField | null {
  const path = error.field?.replace(/^payload\./, '').split('.')[0];
  return (DRAFT_FIELDS as readonly string[]).includes(path ?? '') ? (path as DraftField) : null;
}
