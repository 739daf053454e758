import { computed } from 'vue';
import { useNow } from '../common/use-now';
import { dataAgeMs, linkHealth } from './link-state';
import { useSyncStore } from './sync-store';

/** The link as a screen shows it: status, health, data age in ms (null: never had data), last event. */
export function useLink() {
  const sync = useSyncStore();
  const now = useNow(1000);
  const ageMs = computed(() => dataAgeMs(sync.status, sync.freshAtMs, now.value));
  const health = computed(() => linkHealth(sync.status, ageMs.value));
  return { sync, now, ageMs, health };
}
