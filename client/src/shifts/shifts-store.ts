import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { initialShifts, onDutyAt, reduceShifts, type JournalEvent, type Shift, type ShiftState } from '@watchfloor/shared';

/** The duty schedule (排班): who leads and who watches, shift by shift. */
export const useShiftsStore = defineStore('shifts', () => {
  const state = shallowRef<ShiftState>(initialShifts());

  /** The shift in force at `now` and the next one. Callers pass a ticking clock so it moves on by itself. */
  function onDuty(now: Date): { current: Shift | null; next: Shift | null } {
    return onDutyAt(state.value, now);
  }

  function apply(event: JournalEvent): void {
    state.value = reduceShifts(state.value, event);
  }
  function replace(next: ShiftState): void {
    state.value = next;
  }
  function reset(): void {
    state.value = initialShifts();
  }

  return { state, onDuty, apply, replace, reset };
});
