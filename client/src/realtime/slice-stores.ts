import type { SliceKey } from '@watchfloor/shared';
import { useDrillsStore } from '../drills/drills-store';
import { useDutyLogStore } from '../duty-log/duty-log-store';
import { useRegionStore } from '../region/region-store';
import { useShiftsStore } from '../shifts/shifts-store';
import type { SliceStore } from './slice-store';

/**
 * One store per slice of the shared read model. The compiler checks this table against
 * SLICES: a domain added in shared without its store here does not build.
 */
export const SLICE_STORES: { [K in SliceKey]: () => SliceStore<K> } = {
  region: useRegionStore,
  dutyLog: useDutyLogStore,
  shifts: useShiftsStore,
  drills: useDrillsStore,
};
