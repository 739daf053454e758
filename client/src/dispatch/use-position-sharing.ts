import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { requestJson } from '../api/http';

/** The field page sends at most one fix per this many ms (devices and gateways may send more). */
export const FIELD_REPORT_INTERVAL_MS = 5000;

/**
 * Shares the browser's position for `teamId` while `active` is true (the team is out): watches
 * geolocation and posts the latest fix every FIELD_REPORT_INTERVAL_MS. Stops when the team is
 * back or the page closes. `state` says whether the browser allowed it.
 */
export function usePositionSharing(teamId: Ref<string | null>, active: Ref<boolean>, token: Ref<string | null>) {
  const state = ref<'off' | 'sharing' | 'denied'>('off');
  let watchId: number | null = null;
  let lastSentMs = 0;
  let pending: GeolocationPosition | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const send = () => {
    timer = undefined;
    const fix = pending;
    if (!fix || !teamId.value || !token.value) return;
    pending = null;
    lastSentMs = Date.now();
    const { longitude: lon, latitude: lat, speed, heading } = fix.coords;
    const body = { lon, lat, at: new Date(fix.timestamp).toISOString(), ...(speed !== null && speed >= 0 ? { speed } : {}), ...(heading !== null && !Number.isNaN(heading) ? { heading } : {}) };
    requestJson('POST', `/api/teams/${encodeURIComponent(teamId.value)}/position`, { body, token: token.value }).catch(() => {
      // A lost fix is replaced by the next one; nothing to retry.
    });
  };

  const start = () => {
    if (watchId !== null || !('geolocation' in navigator)) return;
    watchId = navigator.geolocation.watchPosition(
      (fix) => {
        state.value = 'sharing';
        pending = fix;
        if (timer === undefined) timer = setTimeout(send, Math.max(0, lastSentMs + FIELD_REPORT_INTERVAL_MS - Date.now()));
      },
      (error) => {
        if (error.code === error.PERMISSION_DENIED) state.value = 'denied';
      },
      { enableHighAccuracy: true, maximumAge: 2000 },
    );
  };
  const stop = () => {
    if (watchId !== null) navigator.geolocation.clearWatch(watchId);
    watchId = null;
    clearTimeout(timer);
    timer = undefined;
    state.value = 'off';
  };

  watch([active, teamId], ([on, id]) => (on && id ? start() : stop()), { immediate: true });
  onBeforeUnmount(stop);
  return state;
}
