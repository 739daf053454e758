import { computed } from 'vue';
import { countTeamsByStatus, type Team } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

/** Rescue teams (救援队伍) and their dispatch status, folded by the shared reducer. */
export const useTeamsStore = defineSliceStore('teams', (state) => ({
  list: computed<Team[]>(() => Object.values(state.value.byId).sort((a, b) => a.level.localeCompare(b.level) || a.name.localeCompare(b.name, 'zh-CN'))),
  byStatus: computed(() => countTeamsByStatus(state.value)),
}));
