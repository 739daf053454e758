import { computed } from 'vue';
import { activeWarnings, unacknowledgedSevere, type Warning } from '@watchfloor/shared';
import { defineSliceStore } from '../realtime/slice-store';

/** Warnings (预警), folded by the shared reducer. */
export const useWarningsStore = defineSliceStore('warnings', (state) => ({
  /** In force, most serious first. */
  active: computed(() => activeWarnings(state.value)),
  /** Newest first, in force or ended (bounded). */
  all: computed<Warning[]>(() => state.value.order.map((id) => state.value.byId[id]!)),
  /** Orange and red ones the wall still sounds for. */
  unacknowledged: computed(() => unacknowledgedSevere(state.value)),
}));
