import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ConnectionStatus } from './link-state';

/**
 * Where the client stands against the server's journal. Written only by the connection module;
 * screens read it for the LIVE / DEGRADED / OFFLINE indicators.
 */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<ConnectionStatus>('offline');
  /** Last seq applied to the stores. */
  const seq = ref(0);
  const journalId = ref<string | null>(null);
  /** Commit instant (ISO) of the last applied event. */
  const lastEventAt = ref<string | null>(null);
  /** Epoch ms when the link was last live; the data age counts from here once it is not. */
  const freshAtMs = ref<number | null>(null);
  /** The server refused the token: the face must log in again. */
  const authRejected = ref(false);

  function setStatus(next: ConnectionStatus, nowMs: number): void {
    if (status.value === 'live' && next !== 'live') freshAtMs.value = nowMs;
    if (next === 'live') freshAtMs.value = nowMs;
    status.value = next;
  }
  function eventApplied(nextSeq: number, at: string): void {
    seq.value = nextSeq;
    lastEventAt.value = at;
  }
  function positioned(nextSeq: number, nextJournalId: string | null): void {
    seq.value = nextSeq;
    journalId.value = nextJournalId;
  }
  function setAuthRejected(rejected: boolean): void {
    authRejected.value = rejected;
  }

  return { status, seq, journalId, lastEventAt, freshAtMs, authRejected, setStatus, eventApplied, positioned, setAuthRejected };
});
