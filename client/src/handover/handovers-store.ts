import { defineSliceStore } from '../realtime/slice-store';

/** Shift handovers (交接班), newest first. */
export const useHandoversStore = defineSliceStore('handovers', () => ({}));
