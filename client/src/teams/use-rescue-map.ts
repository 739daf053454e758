import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { coarseDuration } from '../format/duration';
import type { MapOverlay } from '../map/overlays';
import { useDispatchStore } from '../dispatch/dispatch-store';
import { useSheltersStore } from '../shelters/shelters-store';
import { usePositionsStore } from './positions-store';
import { routesOverlay, sheltersOverlay, teamMarkers, teamsOverlay } from './rescue-overlays';
import { useTeamsStore } from './teams-store';

/** Team markers with their data age, re-evaluated with `now`, for panels and the map. */
export function useTeamMarkers(now: Readonly<Ref<number>>) {
  const teams = useTeamsStore();
  const positions = usePositionsStore();
  const { t } = useI18n();
  const markers = computed(() => teamMarkers(teams.list, positions.byTeam, now.value));
  const ageLabel = (m: ReturnType<typeof teamMarkers>[number]): string => {
    if (m.age === 'stale') {
      const p = positions.byTeam[m.team.id];
      const d = coarseDuration(p ? now.value - Date.parse(p.at) : 0);
      return t('rescue.age.stale', { age: t(`duration.${d.unit}`, { n: d.n }) });
    }
    return t(`rescue.age.${m.age}`);
  };
  return { markers, ageLabel };
}

/** The rescue map layers (teams live, shelters, dispatch routes) for any `<MapView :overlays>`. */
export function useRescueOverlays(now: Readonly<Ref<number>>) {
  const { t } = useI18n();
  const { markers, ageLabel } = useTeamMarkers(now);
  const shelters = useSheltersStore();
  const dispatch = useDispatchStore();
  const teams = useTeamsStore();
  // Re-evaluated every second (marker ages), but the map gets new layers only when what it
  // draws changed: an unchanged result keeps its identity, so MapLibre is not asked to redraw.
  let last: { key: string; overlays: MapOverlay[] } | null = null;
  return computed<MapOverlay[]>(() => {
    const overlays = [
      routesOverlay(dispatch.open, teams.state.byId),
      sheltersOverlay(shelters.list),
      teamsOverlay(markers.value, (m) => `${m.team.name} · ${t(`rescue.status.${m.team.status}`)} · ${ageLabel(m)}`),
    ];
    const key = JSON.stringify(overlays.map((o) => o.data));
    if (last?.key === key) return last.overlays;
    last = { key, overlays };
    return overlays;
  });
}
