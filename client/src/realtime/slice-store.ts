import { defineStore } from 'pinia';
import { ref, shallowRef, type ShallowRef } from 'vue';
import { SLICES, type JournalEvent, type SliceKey, type ClientState } from '@watchfloor/shared';

/** What the realtime connection needs of every domain store. */
export interface SliceStore<K extends SliceKey> {
  state: ClientState[K];
  changedAt: string | null;
  /** Folds a run of events, in seq order, into the slice: one state change for the whole run. */
  apply(events: readonly JournalEvent[]): void;
  replace(next: ClientState[K]): void;
  reset(): void;
}

/**
 * Defines a domain's Pinia store around its shared slice: the state is folded by the very
 * reducer the server uses. `extend` adds the domain's own getters and helpers.
 */
export function defineSliceStore<K extends SliceKey, X extends object>(key: K, extend: (state: ShallowRef<ClientState[K]>) => X) {
  return defineStore(key, () => {
    const slice = SLICES[key] as unknown as { initial(): ClientState[K]; reduce(s: ClientState[K], e: JournalEvent): ClientState[K] };
    // Replaced whole on every change: reducers return new objects, nothing deep needs tracking.
    const state = shallowRef(slice.initial()) as ShallowRef<ClientState[K]>;
    /** Commit instant (ISO) of the last event that changed this slice: the wall shows each panel's data age. */
    const changedAt = ref<string | null>(null);
    return {
      state,
      changedAt,
      ...extend(state),
      apply(events: readonly JournalEvent[]): void {
        // Fold the whole run before touching the refs: under a flood of events the screen
        // re-renders once per run rather than once per event.
        let next = state.value;
        let at: string | null = null;
        for (const event of events) {
          const folded = slice.reduce(next, event);
          if (folded !== next) at = event.at;
          next = folded;
        }
        if (at !== null) changedAt.value = at;
        state.value = next;
      },
      replace(next: ClientState[K]): void {
        state.value = next;
      },
      reset(): void {
        state.value = slice.initial();
        changedAt.value = null;
      },
    };
  });
}
