import { computed } from 'vue';
import { evacuationTotals, type EvacuationPlan } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

/** The evacuation ledger (转移安置台账), by village and hazard point. */
export const useEvacuationStore = defineSliceStore('evacuation', (state) => ({
  plans: computed<EvacuationPlan[]>(() => Object.values(state.value.byId).sort((a, b) => a.id.localeCompare(b.id))),
  totals: computed(() => evacuationTotals(Object.values(state.value.byId))),
}));
