import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import type { AssignmentState, DispatchOrder } from './model.js';

/** Data of every `dispatch:*` event that moves an assignment. */
export interface AssignmentMoved {
  dispatchId: string;
  teamId: string;
  state: AssignmentState;
  reason?: string;
}

export interface DispatchState {
  /** Open orders and the most recent closed ones (bounded: a wall runs for weeks). */
  byId: Record<string, DispatchOrder>;
}

/** Closed orders kept in the read model; older ones stay in the journal. */
export const DISPATCH_CLOSED_KEPT = 50;

export const initialDispatch = (): DispatchState => ({ byId: {} });

const ASSIGNMENT_EVENTS = new Set(['dispatch:assigned', 'dispatch:accepted', 'dispatch:declined', 'dispatch:progressed', 'dispatch:reassigned']);

export function reduceDispatch(state: DispatchState, event: JournalEvent): DispatchState {
  if (event.type === 'dispatch:created') {
    const d = (event.data as { dispatch: Omit<DispatchOrder, 'createdAt' | 'createdBy' | 'assignments'> }).dispatch;
    const order: DispatchOrder = { ...d, createdAt: event.at, createdBy: event.actor.user, assignments: [] };
    return { byId: { ...state.byId, [order.id]: order } };
  }
  if (ASSIGNMENT_EVENTS.has(event.type)) {
    const m = event.data as AssignmentMoved;
    const order = state.byId[m.dispatchId];
    if (!order) return state;
    const step = { state: m.state, at: event.at, by: event.actor.user, ...(m.reason ? { reason: m.reason } : {}) };
    const i = order.assignments.findIndex((a) => a.teamId === m.teamId);
    const assignments =
      event.type === 'dispatch:assigned' || i < 0
        ? [...order.assignments.filter((a) => a.teamId !== m.teamId), { teamId: m.teamId, state: m.state, steps: [step] }]
        : order.assignments.map((a, j) => (j === i ? { ...a, state: m.state, steps: [...a.steps, step] } : a));
    return { byId: { ...state.byId, [order.id]: { ...order, assignments } } };
  }
  if (event.type === 'dispatch:closed') {
    const { dispatchId } = event.data as { dispatchId: string };
    const order = state.byId[dispatchId];
    if (!order) return state;
    const byId = { ...state.byId, [dispatchId]: { ...order, closedAt: event.at } };
    const closed = Object.values(byId).filter((d) => d.closedAt).sort((a, b) => b.closedAt!.localeCompare(a.closedAt!));
    for (const old of closed.slice(DISPATCH_CLOSED_KEPT)) delete byId[old.id];
    return { byId };
  }
  return state;
}

export const dispatchSlice = defineSlice({ initial: initialDispatch, reduce: reduceDispatch });

/** Open orders, newest first. */
export function openDispatches(state: DispatchState): DispatchOrder[] {
  return Object.values(state.byId)
    .filter((d) => !d.closedAt)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
