import { computed } from 'vue';
import { defineSliceStore } from '../realtime/slice-store';

/**
 * The hazard summary the screens need live (counts, mapped points, recent changes): a fold of the
 * journal by the shared reducer. The ledger itself (up to 60,000 items) is paged over REST.
 */
export const useHazardsStore = defineSliceStore('hazards', (state) => ({
  total: computed(() => state.value.total),
  points: computed(() => Object.values(state.value.points)),
  recent: computed(() => state.value.recent),
}));
