import type { JournalEvent } from './journal.js';

/**
 * One domain's part of the read model: its empty state and the pure reducer that folds a
 * journal event into it. A reducer returns the same object for events it does not handle.
 */
export interface Slice<S> {
  initial(): S;
  reduce(state: S, event: JournalEvent): S;
}

export const defineSlice = <S>(slice: Slice<S>): Slice<S> => slice;
