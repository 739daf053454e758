import { describe, expect, it } from 'vitest';
import type { TeamPosition } from '@watchfloor/shared';
import { PositionHub } from './position-hub.js';
import { decodePositions, encodePositions } from './position-relay.js';

const NOTIFY_LIMIT_BYTES = 7999;
const fix = (teamId: string, at: string, lon = 110.5): TeamPosition => ({ teamId, lon, lat: 30.4, at, speed: 12.5, heading: 270 });

describe('relaying positions between servers', () => {
  it('chunks a large batch under the NOTIFY limit and reads every position back, in order', () => {
    // 500 teams with the longest ids and multi-byte characters: the limit is in bytes, not characters.
    const batch = Array.from({ length: 500 }, (_, i) => fix(`队伍-${String(i).padStart(3, '0')}-`.padEnd(60, '队'), new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), 110 + i / 1000));
    const messages = encodePositions('origin-a', batch, NOTIFY_LIMIT_BYTES);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(Buffer.byteLength(m)).toBeLessThanOrEqual(NOTIFY_LIMIT_BYTES);
    const back = messages.map(decodePositions).flatMap((d) => (d.ok ? d.positions : []));
    expect(back).toEqual(batch);
    expect(messages.map(decodePositions).every((d) => d.ok && d.origin === 'origin-a' && d.rejected.length === 0)).toBe(true);
  });

  it.each([
    ['not JSON', '{"v":1,'],
    ['another version', JSON.stringify({ v: 2, origin: 'b', positions: [] })],
    ['no origin', JSON.stringify({ v: 1, positions: [] })],
    ['positions not a list', JSON.stringify({ v: 1, origin: 'b', positions: {} })],
  ])('drops a message that is %s', (_, message) => {
    expect(decodePositions(message).ok).toBe(false);
  });

  it('keeps the valid positions of a message and names each one it drops', () => {
    const good = fix('t1', '2026-01-01T00:00:00.000Z');
    const decoded = decodePositions(
      JSON.stringify({
        v: 1,
        origin: 'b',
        positions: [good, { ...good, lat: 91 }, { ...good, at: '2026-01-01T00:00:00Z' }, { ...good, extra: 1 }, 'x'],
      }),
    );
    expect(decoded).toEqual({ ok: true, origin: 'b', positions: [good], rejected: [expect.stringMatching(/^1\.lat/), expect.stringMatching(/^2\.at/), expect.stringMatching(/^3\./), expect.stringMatching(/^4\./)] });
  });
});

describe('PositionHub.merge', () => {
  it('takes a relayed fix when it is newer, broadcasts it, and never hands it out to relay again', () => {
    const hub = new PositionHub();
    hub.accept('t1', [{ lon: 110, lat: 30, at: '2026-01-01T00:00:10.000Z' }], '2026-01-01T00:00:11.000Z', null);
    hub.merge([fix('t1', '2026-01-01T00:00:20.000Z'), fix('t2', '2026-01-01T00:00:05.000Z')]);
    const first = hub.flush();
    expect(first.changed.map((p) => [p.teamId, p.at])).toEqual([
      ['t1', '2026-01-01T00:00:20.000Z'],
      ['t2', '2026-01-01T00:00:05.000Z'],
    ]);
    // t1's latest fix came from another server: the older one reported here is not relayed either.
    expect(first.reportedHere).toEqual([]);
    // An older relayed fix changes nothing; a newer local one is relayed.
    hub.merge([fix('t2', '2026-01-01T00:00:01.000Z', 1)]);
    hub.accept('t2', [{ lon: 111, lat: 30, at: '2026-01-01T00:00:30.000Z' }], '2026-01-01T00:00:31.000Z', null);
    const second = hub.flush();
    expect(second.changed.map((p) => [p.teamId, p.lon])).toEqual([['t2', 111]]);
    expect(second.reportedHere.map((p) => [p.teamId, p.lon])).toEqual([['t2', 111]]);
  });
});
