import { chainOf, openDeadlines, type Incident, type OpenDeadline, type Report } from '@watchfloor/shared';
import { computed } from 'vue';
import { defineSliceStore } from '../realtime/slice-store';

/** Incidents and their report chains (信息报送), folded by the shared reducer. */
export const useIncidentsStore = defineSliceStore('incidents', (state) => ({
  /** Open incidents, most recently received first. */
  open: computed<Incident[]>(() =>
    Object.values(state.value.byId)
      .filter((i) => i.status === 'open')
      .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt)),
  ),
  /** Every incident on screen, most recently received first. */
  all: computed<Incident[]>(() => Object.values(state.value.byId).sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt))),
  /** Deadlines still open, earliest first. */
  deadlines: computed<OpenDeadline[]>(() => openDeadlines(state.value)),
  chain(incident: Incident): Report[] {
    return chainOf(state.value, incident);
  },
}));
