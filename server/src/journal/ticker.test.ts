import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { DueRule } from '@watchfloor/shared';
import { createSqliteStore } from '../store/sqlite.js';
import { tempDataDir } from '../testing/temp-dir.js';
import { ManualClock } from './clock.js';
import { journalPlugin } from './plugin.js';
import { tickerPlugin } from './ticker.js';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

/** A rule that logs one call per hour of the clock, once: the duty-log count tells how often it ran. */
const hourlyCall: DueRule = (state, now) => {
  const hoursSinceEpoch = Math.floor(now.getTime() / 3_600_000);
  const logged = state.dutyLog.recent.some((e) => e.content === `hour ${hoursSinceEpoch}`);
  return logged ? [] : [{ type: 'duty-log:record', payload: { content: `hour ${hoursSinceEpoch}` } }];
};

describe('ticker', () => {
  it('submits what the rules say is due at the clock’s now, as the system, once', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const clock = new ManualClock('2026-07-01T00:30:00Z');
    const app = Fastify();
    app.decorate('clock', clock);
    await app.register(journalPlugin, { store: createSqliteStore(dir.dir), clock });
    await app.register(tickerPlugin, { rules: [hourlyCall], intervalMs: false });
    await app.ready();
    expect(await app.tick()).toBe(1);
    expect(await app.tick()).toBe(0); // already journaled: no longer due
    clock.advance(3_600_000);
    expect(await app.tick()).toBe(1);
    const events = await app.journal.readAfter(0, 10);
    expect(events.map((e) => e.actor)).toEqual([{ user: 'system', role: 'system' }, { user: 'system', role: 'system' }]);
    expect(events[1]!.at).toBe('2026-07-01T01:30:00.000Z');
    await app.close();
  });
});
