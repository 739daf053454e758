import { computed } from 'vue';
import { openDispatches, type DispatchOrder } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

/** Dispatch orders (调度令): open ones and the latest closed. */
export const useDispatchStore = defineSliceStore('dispatch', (state) => ({
  open: computed<DispatchOrder[]>(() => openDispatches(state.value)),
  all: computed<DispatchOrder[]>(() => Object.values(state.value.byId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
}));
