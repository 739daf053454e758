import { computed } from 'vue';
import { defineSliceStore } from '../realtime/slice-store';

/** The duty log (值班日志) as the screens show it: a fold of the journal by the shared reducer. */
export const useDutyLogStore = defineSliceStore('dutyLog', (state) => ({
  /** Newest first, bounded by DUTY_LOG_RECENT_LIMIT. */
  recent: computed(() => state.value.recent),
  /** Every entry ever recorded, including those no longer in `recent`. */
  total: computed(() => state.value.total),
}));
