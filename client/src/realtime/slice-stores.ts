import type { SliceKey } from '@watchfloor/shared';
import { useDrillsStore } from '../drills/drills-store';
import { useDutyLogStore } from '../duty-log/duty-log-store';
import { useRegionStore } from '../region/region-store';
import { useShiftsStore } from '../shifts/shifts-store';
import { useMonitoringStore } from '../warnings/monitoring-store';
import { useResponsesStore } from '../warnings/responses-store';
import { useWarningsStore } from '../warnings/warnings-store';
import { useTeamsStore } from '../teams/teams-store';
import { useDispatchStore } from '../dispatch/dispatch-store';
import { useEvacuationStore } from '../evacuation/evacuation-store';
import { useSheltersStore } from '../shelters/shelters-store';
import { useSuppliesStore } from '../supplies/supplies-store';
import { useHazardsStore } from '../hazards/hazards-store';
import { useIncidentsStore } from '../incidents/incidents-store';
import { useDailyReportsStore } from '../daily-reports/daily-reports-store';
import { useHandoversStore } from '../handover/handovers-store';
import type { SliceStore } from './slice-store';

/**
 * One store per slice of the shared read model. The compiler checks this table against
 * SLICES: a domain added in shared without its store here does not build.
 */
export const SLICE_STORES: { [K in SliceKey]: () => SliceStore<K> } = {
  region: useRegionStore,
  dutyLog: useDutyLogStore,
  shifts: useShiftsStore,
  warnings: useWarningsStore,
  responses: useResponsesStore,
  monitoring: useMonitoringStore,
  drills: useDrillsStore,
  teams: useTeamsStore,
  dispatch: useDispatchStore,
  evacuation: useEvacuationStore,
  shelters: useSheltersStore,
  supplies: useSuppliesStore,
  hazards: useHazardsStore,
  incidents: useIncidentsStore,
  dailyReports: useDailyReportsStore,
  handovers: useHandoversStore,
};
