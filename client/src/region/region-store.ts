import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { initialRegion, reduceRegion, type JournalEvent, type RegionState, type Township, type Village } from '@watchfloor/shared';

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/** The administrative region: county → townships → villages. */
export const useRegionStore = defineStore('region', () => {
  const state = shallowRef<RegionState>(initialRegion());

  const county = computed(() => state.value.county);
  const townships = computed<Township[]>(() => Object.values(state.value.townships).sort(byCode));
  const villages = computed<Village[]>(() => Object.values(state.value.villages).sort(byCode));

  function apply(event: JournalEvent): void {
    state.value = reduceRegion(state.value, event);
  }
  function replace(next: RegionState): void {
    state.value = next;
  }
  function reset(): void {
    state.value = initialRegion();
  }

  return { state, county, townships, villages, apply, replace, reset };
});
