import type { FastifyBaseLogger } from 'fastify';
import { DomainError, type Actor } from '@watchfloor/shared';
import type { Clock } from '../journal/clock.js';
import type { IncomingCommand, Journal } from '../journal/journal.js';
import type { Scenario, StepContext } from './scenario.js';

const MINUTE_MS = 60_000;
/** Journal the drill's progress every this many steps (and at the end). */
const PROGRESS_EVERY_STEPS = 5;

interface Run {
  id: string;
  stopped: boolean;
  wake: (() => void) | null;
}

/**
 * Plays scenarios through the journal: every step is a command submitted with `exercise: true`
 * as its scenario actor, never written behind the journal's back. Time is compressed by
 * `speed` (scenario minutes per real minute).
 */
export class DrillRunner {
  readonly #runs = new Map<string, Run>();

  constructor(
    private readonly journal: Journal,
    private readonly clock: Clock,
    readonly scenarios: ReadonlyMap<string, Scenario>,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts a drill and returns its id at once; the steps play out in the background. */
  async start(name: string, speed: number, by: Actor, originIp: string | null): Promise<{ id: string; done: Promise<void> }> {
    const scenario = this.scenarios.get(name);
    if (!scenario) throw new DomainError('not_found', `no drill scenario "${name}"`, 'scenario');
    const submit = (type: string, payload: unknown, actor: Actor) =>
      this.journal.submit({ type, payload, actor, originIp, channel: 'system', idempotencyKey: null, exercise: true } satisfies IncomingCommand);
    const id = String((await submit('drill:start', { scenario: name, speed, title: scenario.title, steps: scenario.steps.length }, by)).id);
    const run: Run = { id, stopped: false, wake: null };
    this.#runs.set(id, run);
    const done = this.#play(run, scenario, speed, by, submit).finally(() => this.#runs.delete(id));
    return { id, done };
  }

  /** Stops a running drill after its current step. */
  stop(id: string): boolean {
    const run = this.#runs.get(id);
    if (!run) return false;
    run.stopped = true;
    run.wake?.();
    return true;
  }

  /** Stops every drill (server shutdown). */
  stopAll(): void {
    for (const id of this.#runs.keys()) this.stop(id);
  }

  async #play(run: Run, scenario: Scenario, speed: number, by: Actor, submit: (type: string, payload: unknown, actor: Actor) => Promise<Record<string, unknown>>) {
    const startedMs = this.clock.now().getTime();
    const refs = new Map<string, string>();
    const ctx = (): StepContext => ({
      ref: (name) => {
        const id = refs.get(name);
        if (!id) throw new Error(`scenario ${scenario.name}: no earlier step named "${name}"`);
        return id;
      },
      time: (minutes) => new Date(startedMs + (minutes * MINUTE_MS) / speed).toISOString(),
      state: this.journal.current,
    });
    let done = 0;
    let outcome: 'completed' | 'stopped' | 'failed' = 'completed';
    try {
      for (const step of scenario.steps) {
        await this.#sleepUntil(run, startedMs + (step.at * MINUTE_MS) / speed);
        if (run.stopped) {
          outcome = 'stopped';
          break;
        }
        const c = ctx();
        const result = await submit(step.type, step.payload(c), typeof step.actor === 'function' ? step.actor(c) : step.actor);
        if (step.as) refs.set(step.as, String(result.id));
        done += 1;
        if (done % PROGRESS_EVERY_STEPS === 0) await submit('drill:progress', { id: run.id, done }, by);
      }
    } catch (error) {
      outcome = 'failed';
      this.log.error({ err: error, scenario: scenario.name, step: done }, 'drill step failed');
    }
    await submit('drill:progress', { id: run.id, done }, by).catch(() => undefined);
    await submit('drill:finish', { id: run.id, outcome }, by).catch((error: unknown) => this.log.error({ err: error }, 'drill finish failed'));
  }

  #sleepUntil(run: Run, atMs: number): Promise<void> {
    const wait = atMs - this.clock.now().getTime();
    if (wait <= 0 || run.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        run.wake = null;
        resolve();
      }, wait);
      run.wake = () => {
        clearTimeout(timer);
        run.wake = null;
        resolve();
      };
    });
  }
}
