import { onBeforeUnmount, readonly, ref, type Ref } from 'vue';

/**
 * A clock for the component's lifetime: epoch ms, updated on each whole `intervalMs` boundary
 * (a 1000 ms clock flips with the second). Stopped when the component unmounts.
 */
export function useNow(intervalMs: number): Readonly<Ref<number>> {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    now.value = Date.now();
    // Re-aim at the next boundary each time, so the clock never drifts over weeks on a wall.
    timer = setTimeout(tick, intervalMs - (now.value % intervalMs));
  };
  timer = setTimeout(tick, intervalMs - (now.value % intervalMs));
  onBeforeUnmount(() => clearTimeout(timer));
  return readonly(now);
}
