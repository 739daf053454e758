import { computed } from 'vue';
import { defineSliceStore } from '../realtime/slice-store';

/** Drills (演练) running now: while one runs, every screen says so. */
export const useDrillsStore = defineSliceStore('drills', (state) => ({
  running: computed(() => state.value.running),
  active: computed(() => state.value.running.length > 0),
  finished: computed(() => state.value.finished),
}));
