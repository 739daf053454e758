import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import { NATIONAL_TABLE, type DutyPeriod } from './deadlines.js';
import type { Incident, Report, ReportElements, Situation } from './model.js';

/** One escalation on record: an overdue report (or phone report) sent to the leader on duty. */
export interface Escalation {
  at: string;
  incidentId: string;
  reportId: string | null;
  what: 'phone' | 'report';
  dueAt: string;
  /** The leader on duty then, from the roster; null when the roster had nobody. */
  leader: string | null;
}

export interface IncidentsState {
  byId: Record<string, Incident>;
  reports: Record<string, Report>;
  /** The deadline table in force (by id) and the periods that tighten it. */
  tableId: string;
  periods: DutyPeriod[];
  /** Newest first, bounded. */
  escalations: Escalation[];
}

/** Closed incidents kept on screen; older ones (and their reports) stay in the journal only. */
export const CLOSED_INCIDENTS_KEPT = 50;
export const ESCALATIONS_KEPT = 100;
export const PERIODS_KEPT = 100;

export const initialIncidents = (): IncidentsState => ({ byId: {}, reports: {}, tableId: NATIONAL_TABLE.id, periods: [], escalations: [] });

// Event data, as the deciders write it.
export interface IncidentRecorded {
  incident: Omit<Incident, 'recordedBy' | 'situationUpdatedAt' | 'status' | 'closedAt' | 'reportIds' | 'phonedAt' | 'phoneEscalatedAt'>;
  initialReportId: string;
  initialDueAt: string;
  elements: ReportElements;
}
export interface ReportDrafted {
  incidentId: string;
  reportId: string;
  kind: Report['kind'];
  number: number;
  dueAt: string | null;
  elements: ReportElements;
}
export interface ReportSent {
  reportId: string;
  situationAtSend: Situation;
  /** The next follow-up's slot, opened as an empty draft; null after the final report. */
  next: { reportId: string; number: number; dueAt: string } | null;
}

function newReport(d: ReportDrafted, at: string, by: string): Report {
  return {
    id: d.reportId, incidentId: d.incidentId, kind: d.kind, number: d.number, version: 1, status: 'draft', elements: d.elements, dueAt: d.dueAt,
    draftedBy: by, updatedAt: at, approvedBy: null, approvedAt: null, sentAt: null, sentBy: null, situationAtSend: null,
    escalatedAt: null, escalatedTo: null, correctionReason: null, history: [],
  };
}

const patchReport = (s: IncidentsState, id: string, patch: (r: Report) => Report): IncidentsState => {
  const r = s.reports[id];
  return r ? { ...s, reports: { ...s.reports, [id]: patch(r) } } : s;
};
const patchIncident = (s: IncidentsState, id: string, patch: (i: Incident) => Incident): IncidentsState => {
  const i = s.byId[id];
  return i ? { ...s, byId: { ...s.byId, [id]: patch(i) } } : s;
};
const addReport = (s: IncidentsState, r: Report): IncidentsState => {
  const inc = s.byId[r.incidentId];
  if (!inc) return s;
  const reportIds = inc.reportIds.includes(r.id) ? inc.reportIds : [...inc.reportIds, r.id];
  return { ...s, reports: { ...s.reports, [r.id]: r }, byId: { ...s.byId, [inc.id]: { ...inc, reportIds } } };
};

/** Drops the oldest closed incidents beyond the bound, with their reports. */
function prune(s: IncidentsState): IncidentsState {
  const closed = Object.values(s.byId).filter((i) => i.status === 'closed').sort((a, b) => Date.parse(b.closedAt ?? '') - Date.parse(a.closedAt ?? ''));
  const drop = closed.slice(CLOSED_INCIDENTS_KEPT);
  if (drop.length === 0) return s;
  const byId = { ...s.byId };
  const reports = { ...s.reports };
  for (const i of drop) {
    delete byId[i.id];
    for (const r of i.reportIds) delete reports[r];
  }
  return { ...s, byId, reports };
}

export function reduceIncidents(s: IncidentsState, e: JournalEvent): IncidentsState {
  const by = e.actor.user;
  switch (e.type) {
    case 'incident:recorded': {
      const d = e.data as IncidentRecorded;
      const incident: Incident = { ...d.incident, recordedBy: by, situationUpdatedAt: e.at, status: 'open', closedAt: null, reportIds: [], phonedAt: null, phoneEscalatedAt: null };
      const next = { ...s, byId: { ...s.byId, [incident.id]: incident } };
      return addReport(next, newReport({ incidentId: incident.id, reportId: d.initialReportId, kind: 'initial', number: 1, dueAt: d.initialDueAt, elements: d.elements }, e.at, by));
    }
    case 'incident:situation-updated': {
      const d = e.data as { incidentId: string; situation: Situation };
      return patchIncident(s, d.incidentId, (i) => ({ ...i, situation: d.situation, situationUpdatedAt: e.at }));
    }
    case 'incident:phone-reported': {
      const d = e.data as { incidentId: string; phonedAt: string };
      return patchIncident(s, d.incidentId, (i) => ({ ...i, phonedAt: d.phonedAt }));
    }
    case 'incident:deadline-table-set':
      return { ...s, tableId: (e.data as { tableId: string }).tableId };
    case 'roster:period-set': {
      const p = e.data as DutyPeriod;
      return { ...s, periods: [...s.periods.filter((x) => x.id !== p.id), p].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)).slice(-PERIODS_KEPT) };
    }
    case 'roster:period-removed':
      return { ...s, periods: s.periods.filter((x) => x.id !== (e.data as { id: string }).id) };
    case 'report:drafted': {
      const d = e.data as ReportDrafted;
      const old = s.reports[d.reportId];
      if (!old) return addReport(s, newReport(d, e.at, by));
      return patchReport(s, d.reportId, (r) => ({ ...r, kind: d.kind, number: d.number, dueAt: d.dueAt, elements: d.elements, status: 'draft', approvedBy: null, approvedAt: null, draftedBy: by, updatedAt: e.at }));
    }
    case 'report:edited': {
      const d = e.data as { reportId: string; elements: ReportElements };
      // Any change after approval takes the approval away: the leader approves what is sent.
      return patchReport(s, d.reportId, (r) => ({ ...r, elements: d.elements, status: 'draft', approvedBy: null, approvedAt: null, updatedAt: e.at }));
    }
    case 'report:approved': {
      const d = e.data as { reportId: string };
      return patchReport(s, d.reportId, (r) => ({ ...r, status: 'approved', approvedBy: by, approvedAt: e.at, updatedAt: e.at }));
    }
    case 'report:sent': {
      const d = e.data as ReportSent;
      let next = patchReport(s, d.reportId, (r) => ({ ...r, status: 'sent', sentAt: e.at, sentBy: by, situationAtSend: d.situationAtSend, updatedAt: e.at }));
      const sent = next.reports[d.reportId];
      if (!sent) return s;
      if (d.next) {
        next = addReport(next, newReport({ incidentId: sent.incidentId, reportId: d.next.reportId, kind: 'follow-up', number: d.next.number, dueAt: d.next.dueAt, elements: { ...sent.elements, changes: '' } }, e.at, by));
      }
      if (sent.kind === 'final') next = prune(patchIncident(next, sent.incidentId, (i) => ({ ...i, status: 'closed', closedAt: e.at })));
      return next;
    }
    case 'report:corrected': {
      const d = e.data as { reportId: string; reason: string };
      return patchReport(s, d.reportId, (r) => ({
        ...r,
        history: [...r.history, { version: r.version, elements: r.elements, approvedBy: r.approvedBy, sentAt: r.sentAt ?? e.at, sentBy: r.sentBy ?? by, correctionReason: r.correctionReason }],
        version: r.version + 1, status: 'draft', approvedBy: null, approvedAt: null, sentAt: null, sentBy: null, correctionReason: d.reason, draftedBy: by, updatedAt: e.at,
      }));
    }
    case 'report:escalated': {
      const d = e.data as Omit<Escalation, 'at'>;
      let next: IncidentsState = { ...s, escalations: [{ ...d, at: e.at }, ...s.escalations].slice(0, ESCALATIONS_KEPT) };
      if (d.what === 'phone') next = patchIncident(next, d.incidentId, (i) => ({ ...i, phoneEscalatedAt: e.at }));
      else if (d.reportId) next = patchReport(next, d.reportId, (r) => ({ ...r, escalatedAt: e.at, escalatedTo: d.leader }));
      return next;
    }
    default:
      return s;
  }
}

export const incidentsSlice = defineSlice({ initial: initialIncidents, reduce: reduceIncidents });
