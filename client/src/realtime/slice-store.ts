import { defineStore } from 'pinia';
import { shallowRef, type ShallowRef } from 'vue';
import { SLICES, type JournalEvent, type SliceKey, type WatchState } from '@watchfloor/shared';

/** What the realtime connection needs of every domain store. */
export interface SliceStore<K extends SliceKey> {
  state: WatchState[K];
  apply(event: JournalEvent): void;
  replace(next: WatchState[K]): void;
  reset(): void;
}

/**
 * Defines a domain's Pinia store around its shared slice: the state is folded by the very
 * reducer the server uses. `extend` adds the domain's own getters and helpers.
 */
export function defineSliceStore<K extends SliceKey, X extends object>(key: K, extend: (state: ShallowRef<WatchState[K]>) => X) {
  return defineStore(key, () => {
    const slice = SLICES[key] as unknown as { initial(): WatchState[K]; reduce(s: WatchState[K], e: JournalEvent): WatchState[K] };
    // Replaced whole on every change: reducers return new objects, nothing deep needs tracking.
    const state = shallowRef(slice.initial()) as ShallowRef<WatchState[K]>;
    return {
      state,
      ...extend(state),
      apply(event: JournalEvent): void {
        state.value = slice.reduce(state.value, event);
      },
      replace(next: WatchState[K]): void {
        state.value = next;
      },
      reset(): void {
        state.value = slice.initial();
      },
    };
  });
}
