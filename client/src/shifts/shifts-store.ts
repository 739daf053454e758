import { onDutyAt, type Shift } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

/** The duty schedule (排班): who leads and who watches, shift by shift. */
export const useShiftsStore = defineSliceStore('shifts', (state) => ({
  /** The shift in force at `now` and the next one. Callers pass a ticking clock so it moves on by itself. */
  onDuty(now: Date): { current: Shift | null; next: Shift | null } {
    return onDutyAt(state.value, now);
  },
}));
