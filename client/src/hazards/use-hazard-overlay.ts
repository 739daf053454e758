import { computed, type Ref } from 'vue';
import type { MapOverlay } from '../map/overlays';
import { hazardOverlay, type HazardMapFilter } from './hazard-overlay';
import { useHazardsStore } from './hazards-store';

/** How long a changed point keeps its halo on the wall, in ms. */
const CHANGED_FOR_MS = 10 * 60_000;

/** The hazard layer for a map, following the store live; `filter` narrows it (console). */
export function useHazardOverlay(now: Ref<number>, filter?: Ref<HazardMapFilter>) {
  const hazards = useHazardsStore();
  // Minutes, not the wall's second tick: the layer's data is rebuilt only when something changed.
  const minute = computed(() => Math.floor(now.value / 60_000));
  return computed<MapOverlay[]>(() => {
    const since = minute.value * 60_000 - CHANGED_FOR_MS;
    const changed = new Set(hazards.recent.filter((c) => Date.parse(c.at) >= since && !c.count).map((c) => c.id));
    return [hazardOverlay(hazards.points, filter?.value ?? {}, changed)];
  });
}
