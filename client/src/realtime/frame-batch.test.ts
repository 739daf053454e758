import { describe, expect, it } from 'vitest';
import { FrameBatch, type Scheduler } from './frame-batch';

/** A scheduler the test fires by hand, counting what is scheduled and cancelled. */
function manualScheduler() {
  const queued: (() => void)[] = [];
  let cancelled = 0;
  const schedule: Scheduler = (run) => {
    queued.push(run);
    return () => {
      cancelled += 1;
      queued.splice(queued.indexOf(run), 1);
    };
  };
  return { schedule, queued, cancelled: () => cancelled, fire: () => queued.splice(0).forEach((run) => run()) };
}

describe('FrameBatch', () => {
  it('hands over everything pushed before the turn, in order, in one call', () => {
    const clock = manualScheduler();
    const flushed: number[][] = [];
    const batch = new FrameBatch<number>((xs) => flushed.push(xs), clock.schedule);
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(clock.queued).toHaveLength(1);
    expect(flushed).toEqual([]);
    clock.fire();
    expect(flushed).toEqual([[1, 2, 3]]);
    batch.push(4);
    clock.fire();
    expect(flushed).toEqual([[1, 2, 3], [4]]);
  });

  it('flushNow hands over at once and cancels the scheduled turn', () => {
    const clock = manualScheduler();
    const flushed: number[][] = [];
    const batch = new FrameBatch<number>((xs) => flushed.push(xs), clock.schedule);
    batch.push(1);
    batch.flushNow();
    expect(flushed).toEqual([[1]]);
    expect(clock.queued).toHaveLength(0);
    batch.flushNow();
    expect(flushed).toEqual([[1]]);
  });

  it('clear forgets pending items', () => {
    const clock = manualScheduler();
    const flushed: number[][] = [];
    const batch = new FrameBatch<number>((xs) => flushed.push(xs), clock.schedule);
    batch.push(1);
    batch.clear();
    expect(batch.pending).toBe(0);
    expect(clock.cancelled()).toBe(1);
    batch.push(2);
    clock.fire();
    expect(flushed).toEqual([[2]]);
  });
});
