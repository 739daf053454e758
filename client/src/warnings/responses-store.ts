import { computed } from 'vue';
import { highestResponse, type ActiveResponse } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

/** Emergency response levels (应急响应) per specialised command. */
export const useResponsesStore = defineSliceStore('responses', (state) => ({
  active: computed(() => Object.values(state.value.active).filter((r): r is ActiveResponse => !!r)),
  highest: computed(() => highestResponse(state.value)),
  history: computed(() => state.value.history),
}));
