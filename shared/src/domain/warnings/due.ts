import type { DueRule } from '../../due.js';
import { overduePeople } from './call.js';
import { isActive } from './model.js';

/** A warning in force whose `expires` has passed expires, by itself. */
export const warningExpiryRule: DueRule = (state, now) =>
  Object.values(state.warnings.byId)
    .filter((w) => isActive(w) && w.expires !== null && Date.parse(w.expires) <= now.getTime())
    .map((w) => ({ type: 'warning:expire', payload: { id: w.id } }));

/** Responsible people past the 叫应 deadline without confirming escalate to the leader on duty. */
export const callEscalationRule: DueRule = (state, now) =>
  Object.values(state.warnings.byId)
    .filter((w) => isActive(w) && w.call && overduePeople(w.call, now).length > 0)
    .map((w) => ({ type: 'call:escalate', payload: { warningId: w.id } }));

export const warningDueRules: readonly DueRule[] = [warningExpiryRule, callEscalationRule];
