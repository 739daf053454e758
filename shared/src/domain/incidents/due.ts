import type { DueRule } from '../../due.js';
import { openDeadlines } from './chain.js';

/** A report (or phone report) past its deadline goes to the leader on duty, once. */
export const reportEscalationRule: DueRule = (state, now) =>
  openDeadlines(state.incidents)
    .filter((d) => !d.escalated && Date.parse(d.dueAt) <= now.getTime())
    .map((d) => ({ type: 'report:escalate', payload: d.reportId ? { incidentId: d.incidentId, reportId: d.reportId } : { incidentId: d.incidentId } }));
