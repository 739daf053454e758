import type { WatchState } from '../../state.js';
import { isActive } from '../warnings/model.js';
import { draftFollowUp } from './checklist.js';
import { DEADLINE_TABLES, NATIONAL_TABLE, type DeadlineTable } from './deadlines.js';
import type { Incident, Report, ReportElements, ReportSummary } from './model.js';
import type { IncidentsState } from './slice.js';

/** An incident's reports in chain order. */
export const chainOf = (s: IncidentsState, incident: Incident): Report[] => incident.reportIds.map((id) => s.reports[id]).filter((r): r is Report => r !== undefined);

/** The last report that went up, or null. */
export const lastSent = (s: IncidentsState, incident: Incident): Report | null =>
  chainOf(s, incident).filter((r) => r.sentAt !== null || r.history.length > 0).at(-1) ?? null;

/** The report being written next in the chain (not a correction of an old one), or null. */
export function openReport(s: IncidentsState, incident: Incident): Report | null {
  const last = chainOf(s, incident).at(-1);
  return last && last.status !== 'sent' && last.version === 1 ? last : null;
}

export const tableInForce = (s: IncidentsState): DeadlineTable => DEADLINE_TABLES[s.tableId] ?? NATIONAL_TABLE;

export const reportSummary = (r: Report): ReportSummary => ({ id: r.id, kind: r.kind, number: r.number, status: r.status, version: r.version, dueAt: r.dueAt, sentAt: r.sentAt, escalatedAt: r.escalatedAt });

/** The next follow-up drafted from the whole read model: the incident's counters and the warnings in force. Pure. */
export function draftFromRecord(state: WatchState, incident: Incident): ReportElements {
  const s = state.incidents;
  const warningsInForce = Object.values(state.warnings.byId)
    .filter((w) => isActive(w))
    .map((w) => w.title);
  return draftFollowUp(incident, lastSent(s, incident), { warningsInForce });
}

/** A deadline not met: the phone report, or a report of the chain still unsent. */
export interface OpenDeadline {
  incidentId: string;
  reportId: string | null;
  what: 'phone' | 'report';
  dueAt: string;
  escalated: boolean;
}

/** Every deadline still open (phone reports not made, reports not sent), earliest first. Pure. */
export function openDeadlines(s: IncidentsState): OpenDeadline[] {
  const out: OpenDeadline[] = [];
  for (const i of Object.values(s.byId)) {
    if (i.status !== 'open') continue;
    if (i.phoneDueAt && !i.phonedAt) out.push({ incidentId: i.id, reportId: null, what: 'phone', dueAt: i.phoneDueAt, escalated: i.phoneEscalatedAt !== null });
    for (const r of chainOf(s, i)) {
      // A correction of a report already sent runs no statutory clock of its own.
      if (r.status !== 'sent' && r.dueAt && r.version === 1) out.push({ incidentId: i.id, reportId: r.id, what: 'report', dueAt: r.dueAt, escalated: r.escalatedAt !== null });
    }
  }
  return out.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
