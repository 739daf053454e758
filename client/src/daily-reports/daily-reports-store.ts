import { dailyStatus } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';
import { useRegionStore } from '../region/region-store';

/** Daily reports (日报告): who has and has not reported today. */
export const useDailyReportsStore = defineSliceStore('dailyReports', (state) => ({
  /** Today's status (CST day of `nowMs`); callers pass a ticking clock so the day and the deadline move on. */
  status(nowMs: number) {
    const region = useRegionStore();
    return dailyStatus(state.value, region.state, new Date(nowMs));
  },
}));
