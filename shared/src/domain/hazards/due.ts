import type { DueRule } from '../../due.js';
import { overdueReason } from './loop.js';
import { forEachHazard, type HazardLedgerState } from './slices.js';

/** Most ids per `hazard:flag-overdue` command. */
const FLAG_BATCH = 1000;

/**
 * The earliest deadline among open, unflagged items of a ledger, by ledger object: the ledger is
 * immutable, so until it changes or that instant passes there is nothing to scan (the ticker asks
 * every second; a 60,000-item scan each time would be waste).
 */
const nextDeadline = new WeakMap<HazardLedgerState, number>();

/** Flags items that have passed a rectification or supervision deadline (逾期). */
export const hazardOverdueRule: DueRule = (state, now) => {
  const ledger = state.hazardLedger;
  const t = now.getTime();
  const next = nextDeadline.get(ledger);
  if (next !== undefined && t <= next) return [];
  const due: string[] = [];
  let earliest = Infinity;
  forEachHazard(ledger, (item) => {
    if (item.overdue || item.state === 'closed') return;
    if (overdueReason(item, t)) {
      due.push(item.id);
      return;
    }
    for (const d of [item.supervision?.deadline, item.state !== 'rectified' ? item.rectification?.deadline : undefined]) {
      if (d) earliest = Math.min(earliest, Date.parse(d));
    }
  });
  if (due.length === 0) nextDeadline.set(ledger, earliest);
  const commands = [];
  for (let i = 0; i < due.length; i += FLAG_BATCH) commands.push({ type: 'hazard:flag-overdue', payload: { ids: due.slice(i, i + FLAG_BATCH) } });
  return commands;
};
