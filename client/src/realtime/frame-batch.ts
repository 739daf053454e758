/** Calls `run` soon, once; returns a function that cancels the call. */
export type Scheduler = (run: () => void) => () => void;

/**
 * Longest wait for a frame, in ms. A page gets no animation frames when it is hidden, and
 * Chromium also starves a tab that is not in front though it reports `visible`: its events must
 * still reach the stores within a blink.
 */
const FRAME_WAIT_MAX_MS = 50;

/**
 * The next animation frame, or FRAME_WAIT_MAX_MS if no frame comes first (hidden tab, headless
 * page without rendering). Whichever fires first cancels the other.
 */
export const nextFrame: Scheduler = (run) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, FRAME_WAIT_MAX_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/**
 * Collects items and hands them to `flush` together, once per scheduled turn (an animation
 * frame by default). Under a flood of socket events the stores then change once per frame and
 * the screen renders once per frame, instead of once per event.
 */
export class FrameBatch<T> {
  #items: T[] = [];
  #cancel: (() => void) | null = null;
  readonly #flush: (items: T[]) => void;
  readonly #schedule: Scheduler;

  constructor(flush: (items: T[]) => void, schedule: Scheduler = nextFrame) {
    this.#flush = flush;
    this.#schedule = schedule;
  }

  get pending(): number {
    return this.#items.length;
  }

  push(item: T): void {
    this.#items.push(item);
    this.#cancel ??= this.#schedule(() => {
      this.#cancel = null;
      this.flushNow();
    });
  }

  /** Hands over what is pending now: before a message that must come after it (snapshot, synced). */
  flushNow(): void {
    this.#cancel?.();
    this.#cancel = null;
    if (this.#items.length === 0) return;
    const items = this.#items;
    this.#items = [];
    this.#flush(items);
  }

  /** Forgets what is pending (the link was closed for another user). */
  clear(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#items = [];
  }
}
