import { computed } from 'vue';
import { cstDay } from '@watchfloor/shared';
import { useRegionStore } from '../region/region-store';
import { dailyTrend, overallRate, overdueByKind, ratesByTownship } from './hazard-stats';
import { useHazardsStore } from './hazards-store';

/** The ledger's numbers for panels: rate, overdue, by township and kind, and the trend to `nowMs`'s day. */
export function useHazardNumbers(nowMs: () => number) {
  const hazards = useHazardsStore();
  const region = useRegionStore();
  const today = computed(() => cstDay(nowMs()));
  return {
    overall: computed(() => overallRate(hazards.state)),
    overdueTotal: computed(() => Object.values(hazards.state.overdue).reduce((a, b) => a + b, 0)),
    supervised: computed(() => hazards.state.supervised),
    byTownship: computed(() => ratesByTownship(hazards.state, region.townships)),
    overdueKinds: computed(() => overdueByKind(hazards.state)),
    trend: computed(() => dailyTrend(hazards.state, today.value, 30)),
  };
}
