import { computed } from 'vue';
import type { Shelter } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

/** Shelters (避难场所) with capacity and occupancy. */
export const useSheltersStore = defineSliceStore('shelters', (state) => ({
  list: computed<Shelter[]>(() => Object.values(state.value.byId).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))),
}));
