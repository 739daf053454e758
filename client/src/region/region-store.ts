import { computed } from 'vue';
import type { Township, Village } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/** The administrative region: county → townships → villages. */
export const useRegionStore = defineSliceStore('region', (state) => ({
  county: computed(() => state.value.county),
  townships: computed<Township[]>(() => Object.values(state.value.townships).sort(byCode)),
  villages: computed<Village[]>(() => Object.values(state.value.villages).sort(byCode)),
}));
