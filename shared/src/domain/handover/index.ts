import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import type { ClientState } from '../../state.js';
import { dailyStatus } from '../daily-reports/index.js';
import { openDeadlines } from '../incidents/chain.js';
import { onDutyAt } from '../shifts.js';
import { isActive } from '../warnings/model.js';

/** One open item the outgoing shift hands over, listed from the record. */
export interface HandoverItem {
  kind: 'report-due' | 'report-overdue' | 'daily-report-missing' | 'warning-in-force' | 'team-out';
  ref: string;
  text: string;
}

export interface Handover {
  id: string;
  shiftId: string | null;
  items: HandoverItem[];
  notes: string;
  submittedAt: string;
  submittedBy: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface HandoversState {
  /** Newest first, bounded. */
  recent: Handover[];
}
export const HANDOVERS_KEPT = 60;
export const initialHandovers = (): HandoversState => ({ recent: [] });

export function reduceHandovers(s: HandoversState, e: JournalEvent): HandoversState {
  if (e.type === 'handover:submitted') {
    const d = e.data as Pick<Handover, 'id' | 'shiftId' | 'items' | 'notes'>;
    return { recent: [{ ...d, submittedAt: e.at, submittedBy: e.actor.user, acknowledgedAt: null, acknowledgedBy: null }, ...s.recent].slice(0, HANDOVERS_KEPT) };
  }
  if (e.type === 'handover:acknowledged') {
    const { id } = e.data as { id: string };
    return { recent: s.recent.map((h) => (h.id === id ? { ...h, acknowledgedAt: e.at, acknowledgedBy: e.actor.user } : h)) };
  }
  return s;
}
export const handoversSlice = defineSlice({ initial: initialHandovers, reduce: reduceHandovers });

/** What is open at `now`, from every slice the desk watches: report clocks, daily reports, warnings, teams out. Pure. */
export function openItems(state: Pick<ClientState, 'incidents' | 'dailyReports' | 'region' | 'warnings' | 'teams'>, now: Date): HandoverItem[] {
  const items: HandoverItem[] = [];
  for (const d of openDeadlines(state.incidents)) {
    const title = state.incidents.byId[d.incidentId]?.title ?? d.incidentId;
    const what = d.what === 'phone' ? '电话报告' : '书面报告';
    const overdue = Date.parse(d.dueAt) <= now.getTime();
    items.push({ kind: overdue ? 'report-overdue' : 'report-due', ref: d.reportId ?? d.incidentId, text: `${title}：${what}${overdue ? '已超时' : '待报'}（时限 ${d.dueAt}）` });
  }
  for (const u of dailyStatus(state.dailyReports, state.region, now).units.filter((x) => !x.report)) {
    items.push({ kind: 'daily-report-missing', ref: u.code, text: `${u.name}日报告未报` });
  }
  for (const w of Object.values(state.warnings.byId).filter((x) => isActive(x))) items.push({ kind: 'warning-in-force', ref: w.id, text: w.title });
  for (const t of Object.values(state.teams.byId).filter((x) => x.dispatchId !== null)) items.push({ kind: 'team-out', ref: t.id, text: t.name });
  return items;
}

export const submitHandover = defineCommand({
  type: 'handover:submit',
  summary: 'Hand the shift over (交接班): the open items are listed from the record, plus notes',
  payload: z.strictObject({ notes: z.string().trim().max(4000).default('') }),
  roles: ['duty', 'commander'],
  decide(state, p, ctx) {
    const now = new Date(ctx.now);
    const id = ctx.newId('handover');
    const shiftId = onDutyAt(state.shifts, now).current?.id ?? null;
    return { events: [{ type: 'handover:submitted', data: { id, shiftId, items: openItems(state, now), notes: p.notes } }], result: { id } };
  },
});

export const acknowledgeHandover = defineCommand({
  type: 'handover:acknowledge',
  summary: 'The incoming leader on duty acknowledges a handover',
  payload: z.strictObject({ id: z.string().min(1).max(100) }),
  roles: ['commander'],
  decide(state, p) {
    const h = state.handovers.recent.find((x) => x.id === p.id);
    if (!h) throw new DomainError('not_found', `no handover ${p.id}`, 'id');
    if (h.acknowledgedAt) throw new DomainError('conflict', 'already acknowledged', 'id');
    return { events: [{ type: 'handover:acknowledged', data: p }] };
  },
});

export const handoverCommands: CommandDef[] = [submitHandover, acknowledgeHandover] as CommandDef[];
