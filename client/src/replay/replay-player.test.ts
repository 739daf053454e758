import { afterEach, describe, expect, it } from 'vitest';
import { clientState, initialState, type TeamPosition } from '@watchfloor/shared';
import { usePositionsStore } from '../teams/positions-store';
import { createReplayPlayer, type JournalWindow } from './replay-player';

const FROM = Date.parse('2026-07-01T00:00:00.000Z');
const at = (s: number) => new Date(FROM + s * 1000).toISOString();
const fix = (teamId: string, s: number, lon: number): TeamPosition => ({ teamId, lon, lat: 30.4, at: at(s) });

/** A window with no events and two teams moving: t1 at 10 s, 20 s and 40 s, t2 at 30 s. */
const window_: JournalWindow = {
  from: at(0),
  to: at(60),
  state: clientState(initialState()),
  events: [],
  truncated: false,
  tracks: { points: [fix('t1', 10, 110.51), fix('t1', 20, 110.52), fix('t2', 30, 110.7), fix('t1', 40, 110.54)], truncated: false },
};

let player: ReturnType<typeof createReplayPlayer>;
afterEach(() => player.dispose());

describe('the replay player feeds team fixes by the replay clock', () => {
  it('gives the positions store each fix once the clock passes its time, and none before', () => {
    player = createReplayPlayer();
    const positions = usePositionsStore(player.pinia);
    player.load(window_);
    expect(positions.byTeam).toEqual({});
    player.advanceTo(FROM + 9_999);
    expect(positions.byTeam).toEqual({});
    player.advanceTo(FROM + 10_000);
    expect(positions.byTeam).toEqual({ t1: fix('t1', 10, 110.51) });
    player.advanceTo(FROM + 35_000);
    expect(positions.byTeam).toEqual({ t1: fix('t1', 20, 110.52), t2: fix('t2', 30, 110.7) });
    player.advanceTo(FROM + 60_000);
    expect(positions.byTeam.t1).toEqual(fix('t1', 40, 110.54));
  });

  it('seeking back starts the positions again from the window start', () => {
    player = createReplayPlayer();
    const positions = usePositionsStore(player.pinia);
    player.load(window_);
    player.seek(FROM + 45_000);
    expect(positions.byTeam.t1?.lon).toBe(110.54);
    player.seek(FROM + 15_000);
    expect(positions.byTeam).toEqual({ t1: fix('t1', 10, 110.51) });
  });

  it("keeps to its own Pinia: another app's positions store is never fed", () => {
    player = createReplayPlayer();
    const other = createReplayPlayer();
    player.load(window_);
    player.advanceTo(FROM + 60_000);
    expect(Object.keys(usePositionsStore(player.pinia).byTeam)).toEqual(['t1', 't2']);
    expect(usePositionsStore(other.pinia).byTeam).toEqual({});
  });
});
