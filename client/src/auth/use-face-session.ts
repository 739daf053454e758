import { computed, onBeforeUnmount, onMounted, watch } from 'vue';
import { useRouter } from 'vue-router';
import { startConnection, stopConnection } from '../realtime/connection';
import { useSyncStore } from '../realtime/sync-store';
import { loginLocation } from '../router';
import type { Face } from './faces';
import { useSessionStore } from './session-store';

/** setTimeout takes at most a signed 32-bit delay, in ms (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * For a face's view: opens the link with the face's token while the view is mounted, and
 * goes to the face's login when the session ends (logout, expiry, or the server refusing it).
 */
export function useFaceSession(face: Face) {
  const sessions = useSessionStore();
  const sync = useSyncStore();
  const router = useRouter();
  const session = computed(() => sessions.sessionFor(face));
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  function end(): void {
    stopConnection();
    sessions.logout(face);
    void router.replace(loginLocation(face, router.currentRoute.value));
  }

  function armExpiry(expiresAt: string | null): void {
    clearTimeout(expiryTimer);
    if (expiresAt === null) return;
    const wait = Date.parse(expiresAt) - Date.now();
    // Past the timer's range: check again later rather than firing at once.
    expiryTimer = wait > MAX_TIMER_MS ? setTimeout(() => armExpiry(expiresAt), MAX_TIMER_MS) : setTimeout(end, Math.max(0, wait));
  }

  onMounted(() => {
    const s = session.value;
    if (!s) return end();
    startConnection(s.token);
    armExpiry(s.expiresAt);
  });
  onBeforeUnmount(() => {
    clearTimeout(expiryTimer);
    stopConnection();
  });
  watch(
    () => sync.authRejected,
    (rejected) => {
      if (rejected) end();
    },
  );

  return { session, logout: end };
}
