/**
 * A CAP alert (1.1 or 1.2) as the server hands it to the journal after parsing the XML: only
 * what the centre uses. Embedded resources (base64 audio) never reach the journal.
 */
import { z } from 'zod';
import { warningAreaSchema } from './area.js';
import { CAP_SEVERITIES } from './kinds.js';

const capText = (max: number) => z.string().max(max);
/** CAP dateTime: an instant with an explicit offset. */
const capInstant = z.iso.datetime({ offset: true });

export const capReferenceSchema = z.strictObject({ sender: capText(500).min(1), identifier: capText(500).min(1), sent: capInstant });
export type CapReference = z.infer<typeof capReferenceSchema>;

export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;

export const capAlertSchema = z.strictObject({
  version: z.enum(['1.1', '1.2']),
  identifier: capText(500).min(1),
  sender: capText(500).min(1),
  sent: capInstant,
  status: z.enum(CAP_STATUSES),
  msgType: z.enum(CAP_MSG_TYPES),
  references: z.array(capReferenceSchema).max(200),
  /** The first `<info>` (Chinese first if there is one); absent for a bare Cancel. */
  info: z
    .strictObject({
      language: capText(40),
      event: capText(500),
      headline: capText(1000),
      description: capText(8000),
      instruction: capText(4000),
      severity: z.enum(CAP_SEVERITIES),
      effective: capInstant.nullable(),
      expires: capInstant.nullable(),
      senderName: capText(500),
      areaDesc: capText(4000),
      area: warningAreaSchema,
    })
    .nullable(),
});
export type CapAlert = z.infer<typeof capAlertSchema>;

/** Parses a CAP `references` value: space-separated "sender,identifier,sent" triples. */
export function parseCapReferences(text: string): { refs: CapReference[] } | { error: string } {
  const refs: CapReference[] = [];
  for (const triple of text.trim().split(/\s+/).filter(Boolean)) {
    const parts = triple.split(',');
    if (parts.length !== 3 || !parts[0] || !parts[1] || Number.isNaN(Date.parse(parts[2]!))) {
      return { error: `reference "${triple.slice(0, 80)}" is not "sender,identifier,sent"` };
    }
    refs.push({ sender: parts[0], identifier: parts[1], sent: parts[2]! });
  }
  return { refs };
}
