import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { initialDutyLog, reduceDutyLog, type DutyLogState, type JournalEvent } from '@watchfloor/shared';

/** The duty log (值班日志) as the screens show it: a fold of the journal by the shared reducer. */
export const useDutyLogStore = defineStore('dutyLog', () => {
  // Replaced whole on every change: the reducer returns new objects, nothing deep needs tracking.
  const state = shallowRef<DutyLogState>(initialDutyLog());

  /** Newest first, bounded by DUTY_LOG_RECENT_LIMIT. */
  const recent = computed(() => state.value.recent);
  /** Every entry ever recorded, including those no longer in `recent`. */
  const total = computed(() => state.value.total);

  function apply(event: JournalEvent): void {
    state.value = reduceDutyLog(state.value, event);
  }
  function replace(next: DutyLogState): void {
    state.value = next;
  }
  function reset(): void {
    state.value = initialDutyLog();
  }

  return { state, recent, total, apply, replace, reset };
});
