import { computed } from 'vue';
import { alarmStationsOverlay, warningAreasOverlay } from './warning-overlays';
import { useMonitoringStore } from './monitoring-store';
import { useWarningsStore } from './warnings-store';

/** The warning and alarm layers for a MapView, following the stores. */
export function useWarningOverlays() {
  const warnings = useWarningsStore();
  const monitoring = useMonitoringStore();
  return computed(() => [warningAreasOverlay(warnings.active), alarmStationsOverlay(monitoring.active, monitoring.stations)]);
}
