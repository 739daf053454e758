import type { WatchState } from './state.js';

/**
 * A command the system itself issues when time passes (a warning expires, a report falls
 * overdue and escalates). Pure: given the state and the instant, say what is due now. The
 * server's ticker submits these through the journal like any other command, as actor `system`.
 * Each must be idempotent in effect: once its event is journaled the state no longer makes it due.
 */
export interface DueCommand {
  type: string;
  payload: unknown;
}

export type DueRule = (state: WatchState, now: Date) => DueCommand[];
