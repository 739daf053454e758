/**
 * The warning model (预警) and its slice: what is in force, how it got there, and who has
 * confirmed receipt (叫应). Lifecycle: issued → updated (any number of times) → cancelled or
 * expired. Expiry happens by itself: a due rule (`due.ts`) issues `warning:expire`.
 */
import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import type { WarningArea } from './area.js';
import { compareColours, type WarningColour, type WarningKind } from './kinds.js';

export const WARNING_STATUSES = ['issued', 'updated', 'cancelled', 'expired'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/** How a responsible person confirmed receipt. */
export const CALL_CHANNELS = ['phone', 'sms', 'wechat', 'in-person', 'field-app'] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

/** A responsible person called on for a warning (叫应对象), and whether they answered. */
export interface CallPerson {
  id: string;
  name: string;
  level: 'county' | 'township' | 'village';
  regionCode: string;
  regionName: string;
  /** The account that may confirm for this person on the field page, if they have one. */
  account: string | null;
  confirmedAt: string | null;
  channel: CallChannel | null;
  /** Who recorded the confirmation (the person, or the officer who phoned them). */
  confirmedBy: string | null;
  escalatedAt: string | null;
}

export interface CallList {
  listedAt: string;
  /** Everyone must confirm by this instant; later ones escalate to the leader on duty. */
  deadline: string;
  people: CallPerson[];
  /** Leader on duty the overdue ones were escalated to (带班领导), once escalated. */
  escalatedTo: string | null;
}

export interface Warning {
  id: string;
  /** GB/T 35965.1 identifier for ours; the sender's identifier for imported ones. */
  identifier: string;
  sender: string;
  origin: 'local' | 'cap';
  kind: WarningKind;
  colour: WarningColour;
  title: string;
  description: string;
  instruction: string;
  areaDesc: string;
  area: WarningArea;
  effective: string;
  expires: string | null;
  status: WarningStatus;
  issuedAt: string;
  issuedBy: string;
  updatedAt: string;
  version: number;
  endedAt: string | null;
  endReason: string | null;
  /** The CAP message status (Actual, Exercise, Test…) of imported alerts. */
  capStatus: string | null;
  /** `sent` of the latest CAP message of an imported alert (ISO); null for ours. */
  capSent: string | null;
  /** CAP event text, kept verbatim for imported alerts. */
  event: string | null;
  /** Keys (sender|identifier|sent-ms) of every CAP message folded into this warning. */
  capKeys: string[];
  /** Set when a console user silenced the wall's alarm for it. Cleared when its colour rises. */
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  call: CallList | null;
}

export const isActive = (w: Pick<Warning, 'status'>): boolean => w.status === 'issued' || w.status === 'updated';

/** Fields an update may change. */
export type WarningChanges = Partial<Pick<Warning, 'colour' | 'title' | 'description' | 'instruction' | 'areaDesc' | 'area' | 'effective' | 'expires' | 'identifier' | 'event' | 'capStatus' | 'capSent'>>;

export interface WarningUpdated {
  id: string;
  changes: WarningChanges;
  capKey?: string;
}
export interface WarningEnded {
  id: string;
  reason: string;
  capKey?: string;
}

export interface WarningsState {
  byId: Record<string, Warning>;
  /** Ids, newest issue first. */
  order: string[];
  /** CAP key → warning id: makes ingest idempotent on (sender, identifier, sent). */
  capIndex: Record<string, string>;
}

/** Ended warnings kept for the screens; older ones stay in the journal only. */
export const ENDED_WARNINGS_KEPT = 200;

export const initialWarnings = (): WarningsState => ({ byId: {}, order: [], capIndex: {} });

/** The idempotency key of a CAP message: its sent time compared as an instant, not as text. */
export const capKey = (sender: string, identifier: string, sent: string): string => `${sender}|${identifier}|${Date.parse(sent)}`;

function put(state: WarningsState, w: Warning, extra: Partial<WarningsState> = {}): WarningsState {
  return { ...state, ...extra, byId: { ...state.byId, [w.id]: w } };
}

function withCapKey(index: Record<string, string>, key: string | undefined, id: string): Record<string, string> {
  return key ? { ...index, [key]: id } : index;
}

/** Drops the oldest ended warnings beyond the bound, with their CAP keys. */
function bound(state: WarningsState): WarningsState {
  const ended = state.order.filter((id) => !isActive(state.byId[id]!));
  if (ended.length <= ENDED_WARNINGS_KEPT) return state;
  const drop = new Set(ended.slice(ENDED_WARNINGS_KEPT));
  const byId = { ...state.byId };
  const capIndex = { ...state.capIndex };
  for (const id of drop) {
    for (const k of byId[id]!.capKeys) delete capIndex[k];
    delete byId[id];
  }
  return { byId, capIndex, order: state.order.filter((id) => !drop.has(id)) };
}

export function reduceWarnings(state: WarningsState, event: JournalEvent): WarningsState {
  switch (event.type) {
    case 'warning:issued': {
      const w = event.data as Warning;
      const capIndex = w.capKeys.reduce((idx, k) => ({ ...idx, [k]: w.id }), state.capIndex);
      return bound({ byId: { ...state.byId, [w.id]: w }, order: [w.id, ...state.order.filter((id) => id !== w.id)], capIndex });
    }
    case 'warning:updated': {
      const d = event.data as WarningUpdated;
      const w = state.byId[d.id];
      if (!w) return state;
      const rose = d.changes.colour !== undefined && compareColours(d.changes.colour, w.colour) > 0;
      const next: Warning = {
        ...w,
        ...d.changes,
        status: 'updated',
        updatedAt: event.at,
        version: w.version + 1,
        capKeys: d.capKey ? [...w.capKeys, d.capKey] : w.capKeys,
        ...(rose ? { acknowledgedBy: null, acknowledgedAt: null } : {}),
      };
      return put(state, next, { capIndex: withCapKey(state.capIndex, d.capKey, d.id) });
    }
    case 'warning:cancelled':
    case 'warning:expired': {
      const d = event.data as WarningEnded;
      const w = state.byId[d.id];
      if (!w) return state;
      const status = event.type === 'warning:cancelled' ? 'cancelled' : 'expired';
      const next: Warning = { ...w, status, endedAt: event.at, endReason: d.reason, updatedAt: event.at, capKeys: d.capKey ? [...w.capKeys, d.capKey] : w.capKeys };
      return bound(put(state, next, { capIndex: withCapKey(state.capIndex, d.capKey, d.id) }));
    }
    case 'warning:acknowledged': {
      const d = event.data as { id: string };
      const w = state.byId[d.id];
      return w ? put(state, { ...w, acknowledgedBy: event.actor.user, acknowledgedAt: event.at }) : state;
    }
    case 'call:listed': {
      const d = event.data as { warningId: string; call: CallList };
      const w = state.byId[d.warningId];
      return w ? put(state, { ...w, call: d.call }) : state;
    }
    case 'call:confirmed': {
      const d = event.data as { warningId: string; personId: string; channel: CallChannel };
      const w = state.byId[d.warningId];
      if (!w?.call) return state;
      const people = w.call.people.map((p) => (p.id === d.personId ? { ...p, confirmedAt: event.at, channel: d.channel, confirmedBy: event.actor.user } : p));
      return put(state, { ...w, call: { ...w.call, people } });
    }
    case 'call:escalated': {
      const d = event.data as { warningId: string; personIds: string[]; to: string | null };
      const w = state.byId[d.warningId];
      if (!w?.call) return state;
      const ids = new Set(d.personIds);
      const people = w.call.people.map((p) => (ids.has(p.id) ? { ...p, escalatedAt: event.at } : p));
      return put(state, { ...w, call: { ...w.call, people, escalatedTo: d.to } });
    }
    default:
      return state;
  }
}

export const warningsSlice = defineSlice({ initial: initialWarnings, reduce: reduceWarnings });

/** Active warnings, most serious first, then newest. */
export function activeWarnings(state: WarningsState): Warning[] {
  return state.order
    .map((id) => state.byId[id]!)
    .filter(isActive)
    .sort((a, b) => compareColours(b.colour, a.colour));
}

/** Orange and red warnings in force that no console user has acknowledged yet: the wall sounds for these. */
export function unacknowledgedSevere(state: WarningsState): Warning[] {
  return activeWarnings(state).filter((w) => (w.colour === 'orange' || w.colour === 'red') && !w.acknowledgedAt);
}
