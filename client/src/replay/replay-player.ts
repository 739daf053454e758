import { createPinia, type Pinia } from 'pinia';
import { ref, shallowRef } from 'vue';
import { SLICES, type ClientState, type JournalEvent, type SliceKey, type TeamPosition } from '@watchfloor/shared';
import { SLICE_STORES } from '../realtime/slice-stores';
import { usePositionsStore } from '../teams/positions-store';

/** What `GET /api/journal/window` answers. */
export interface JournalWindow {
  from: string;
  to: string;
  state: ClientState;
  events: JournalEvent[];
  truncated: boolean;
  /** Fixes of teams out on a dispatch taken in [from, to), in time order. */
  tracks: { points: TeamPosition[]; truncated: boolean };
}

const SLICE_KEYS = Object.keys(SLICES) as SliceKey[];
/** What the player needs of a slice store. */
interface ReplayStore {
  apply(events: readonly JournalEvent[]): void;
  replace(next: unknown): void;
  reset(): void;
}
/** Where the items of `list` (in time order) stamped at or before `ms` end, looking from `start`. */
function passedBy(list: ReadonlyArray<{ at: string }>, start: number, ms: number): number {
  let i = start;
  while (i < list.length && Date.parse(list[i]!.at) <= ms) i += 1;
  return i;
}

/** How often the replay clock advances, in real ms: smooth enough for counters, cheap for the CPU. */
export const REPLAY_TICK_MS = 200;

/**
 * Plays a journal window into its OWN Pinia instance (never the live stores): each slice store is
 * filled with `replace()` from the state at the window's start, then `apply()` with the events
 * the replay clock passed since its last tick; the positions store takes the team fixes the clock
 * passed, so the teams move on the replay's map. `speed` is replay seconds per real second.
 */
export function createReplayPlayer() {
  const pinia: Pinia = createPinia();
  const window_ = shallowRef<JournalWindow | null>(null);
  /** The replay clock (ms since epoch): what the scene shows as "now". */
  const now = ref(0);
  const speed = ref(60);
  const playing = ref(false);
  /** Events applied so far. */
  const applied = ref(0);
  /** Track points fed to the positions store so far. */
  let fixesFed = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  // Each store factory is called with this player's Pinia: the live stores are never touched.
  const stores = () => SLICE_KEYS.map((k) => [k, (SLICE_STORES[k] as unknown as (p: Pinia) => ReplayStore)(pinia)] as const);
  const positions = usePositionsStore(pinia);

  function load(w: JournalWindow): void {
    pause();
    window_.value = w;
    for (const [k, store] of stores()) {
      store.reset();
      store.replace(w.state[k]);
    }
    positions.reset();
    fixesFed = 0;
    applied.value = 0;
    now.value = Date.parse(w.from);
  }

  /** Moves the replay clock to `ms` (never back), applying every event committed by then. */
  function advanceTo(ms: number): void {
    const w = window_.value;
    if (!w) return;
    const end = Date.parse(w.to);
    now.value = Math.min(Math.max(ms, now.value), end);
    const i = passedBy(w.events, applied.value, now.value);
    const due = w.events.slice(applied.value, i);
    if (due.length > 0) for (const [, store] of stores()) store.apply(due);
    applied.value = i;
    const f = passedBy(w.tracks.points, fixesFed, now.value);
    if (f > fixesFed) positions.merge(w.tracks.points.slice(fixesFed, f));
    fixesFed = f;
    if (now.value >= end) pause();
  }

  /** Jumps to `ms` in the window, back or forth: back refolds from the window's start state. */
  function seek(ms: number): void {
    const w = window_.value;
    if (!w) return;
    const wasPlaying = playing.value;
    if (ms < now.value) load(w);
    advanceTo(ms);
    if (wasPlaying && now.value < Date.parse(w.to)) play();
  }

  function play(): void {
    if (!window_.value || playing.value) return;
    playing.value = true;
    let last = performance.now();
    timer = setInterval(() => {
      const t = performance.now();
      advanceTo(now.value + (t - last) * speed.value);
      last = t;
    }, REPLAY_TICK_MS);
  }

  function pause(): void {
    playing.value = false;
    clearInterval(timer);
    timer = undefined;
  }

  return { pinia, window: window_, now, speed, playing, applied, load, advanceTo, seek, play, pause, dispose: pause };
}
export type ReplayPlayer = ReturnType<typeof createReplayPlayer>;
