import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamPosition } from '@watchfloor/shared';
import { createPostgresStore } from '../store/postgres.js';
import { postgresReachable, scratchDatabase } from '../testing/postgres.js';
import { login, postJson, startTestServer, tempDataDir, waitFor, watch, type TestServer } from '../testing/test-server.js';

const available = await postgresReachable();
const db = scratchDatabase('wf_positions');
// Two machines: a data directory each, one token secret (as behind a load balancer).
const dirs = [tempDataDir(), tempDataDir()];
const env = { TOKEN_SECRET: 'p'.repeat(40) };

/** Records every `positions` batch a wall on `server` receives, flattened. */
async function wallOn(server: TestServer, token: string) {
  const w = watch(server.url, token);
  const seen: TeamPosition[] = [];
  w.socket.on('positions', (batch) => seen.push(...batch));
  await w.synced();
  return { seen, of: (teamId: string) => seen.filter((p) => p.teamId === teamId), close: () => w.socket.close() };
}

describe.runIf(available)('team positions across two servers on one PostgreSQL database', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    await db.create();
    a = await startTestServer(dirs[0]!.dir, env, { store: createPostgresStore(db.url) });
    b = await startTestServer(dirs[1]!.dir, env, { store: createPostgresStore(db.url) });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db.drop();
    for (const d of dirs) d.remove();
  });

  it('a fix posted to one server reaches a wall on the other, once, and an older fix there does not undo it', async () => {
    const commander = await login(a.url, 'commander');
    const team = { id: 'r1', name: '冲锋舟一队', kind: 'flood', level: 'county', headcount: 12, leader: '李四', phone: '13800000001', base: { name: '驻地', lonLat: [110.5, 30.4] } };
    expect((await postJson(a.url, '/api/commands/team:register', team, commander)).status).toBe(201);
    await waitFor(() => b.app.journal.current.teams.byId.r1 !== undefined);
    const wall = await login(a.url, 'wall');
    const onA = await wallOn(a, wall);
    const onB = await wallOn(b, wall);

    const at = new Date(Date.now() - 1000).toISOString();
    expect((await postJson(a.url, '/api/teams/r1/position', { lon: 110.61, lat: 30.51, at, speed: 4 }, commander)).status).toBe(202);
    await waitFor(() => onB.of('r1').length > 0, 3000);
    expect(onB.of('r1')).toEqual([{ teamId: 'r1', lon: 110.61, lat: 30.51, at, speed: 4 }]);

    // A device resending an old fix to B does not move the marker back, on B or (relayed) on A.
    const older = new Date(Date.now() - 60_000).toISOString();
    expect((await postJson(b.url, '/api/teams/r1/position', { lon: 1, lat: 1, at: older }, commander)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 1000)); // four ticks: time for any relay, echo or rebroadcast
    expect(onB.of('r1').map((p) => p.at)).toEqual([at]);
    expect(b.app.positions.hub.get('r1')?.at).toBe(at);
    // A broadcast its own fix once: its own notification, or B echoing it, would broadcast it again.
    expect(onA.of('r1').map((p) => p.at)).toEqual([at]);
    expect(a.app.positions.hub.get('r1')?.at).toBe(at);

    // A wall connecting to B now gets B's whole picture, which includes the team reporting to A.
    const late = await wallOn(b, wall);
    await waitFor(() => late.seen.length > 0);
    expect(late.of('r1')).toEqual([{ teamId: 'r1', lon: 110.61, lat: 30.51, at, speed: 4 }]);
    for (const w of [onA, onB, late]) w.close();
  });
});
