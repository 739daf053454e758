import { computed } from 'vue';
import { defineSliceStore } from '../realtime/slice-store';

/** Monitoring stations and the alarms in force (监测报警). */
export const useMonitoringStore = defineSliceStore('monitoring', (state) => ({
  stations: computed(() => state.value.stations),
  active: computed(() => Object.values(state.value.active)),
  unacknowledged: computed(() => Object.values(state.value.active).filter((a) => (a.colour === 'orange' || a.colour === 'red') && !a.acknowledgedAt)),
  recent: computed(() => state.value.recent),
}));
