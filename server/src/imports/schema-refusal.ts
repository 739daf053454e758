import { refusal, type RowRefusal } from '@watchfloor/shared';
import type { z } from 'zod';

/** The column a schema path points at: as the file heads it (`column`) and its English key (`field`). */
export type ColumnName = {
  column: string;
  field: string;
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * A row's first schema issue as a refusal the client can translate: missing, too small, too big,
 * or not a valid value, naming its column. The English `reason` keeps the schema's own words.
 */
export function schemaRefusal(issue: z.core.$ZodIssue, input: unknown, columnOf: (path: readonly PropertyKey[]) => ColumnName): RowRefusal {
  const reason = `${issue.path.join('.') || 'row'}: ${issue.message}`;
  const at = columnOf(issue.path);
  const value = valueAt(input, issue.path);
  if (value === undefined || value === '') return refusal('missing-value', { ...at }, reason);
  if (issue.code === 'too_small') return refusal('too-small', { ...at, limit: Number(issue.minimum) }, reason);
  if (issue.code === 'too_big') return refusal('too-big', { ...at, limit: Number(issue.maximum) }, reason);
  return refusal('invalid-value', { ...at }, reason);
}

/** A column name from aliases keyed by the schema's own field names (the first alias is how files head it). */
export function columnFromAliases(aliases: Record<string, readonly string[]>, path: readonly PropertyKey[], rename: Record<string, string> = {}): ColumnName {
  const top = String(path[0] ?? '');
  const field = rename[top] ?? top;
  return { column: aliases[field]?.[0] ?? (path.join('.') || field), field };
}
