import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { TeamPosition } from '@watchfloor/shared';

/** One recorded fix of a team on a dispatch. */
export interface TrackPoint extends TeamPosition {
  dispatchId: string;
}

/**
 * The tracks of dispatches, for replay: every accepted position of a team while it is out on
 * an order. Positions are not journal events (they would swamp the journal at 60 fixes/s), so
 * they go to a file of their own beside the journal (`DATA_DIR/tracks.sqlite`), written in one
 * transaction per broadcast tick. A lost tick after a crash costs a quarter second of track,
 * nothing the command record depends on: hence synchronous=NORMAL, not FULL.
 */
export class TrackStore {
  private readonly db: SQLite.Database;
  private readonly insert: SQLite.Statement;
  private readonly byDispatch: SQLite.Statement;
  private readonly byTime: SQLite.Statement;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new SQLite(join(dataDir, 'tracks.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS track (
      dispatch_id TEXT NOT NULL, team_id TEXT NOT NULL, at TEXT NOT NULL,
      lon REAL NOT NULL, lat REAL NOT NULL, speed REAL, heading REAL)`);
    this.db.exec('CREATE INDEX IF NOT EXISTS track_dispatch ON track (dispatch_id, team_id, at)');
    this.db.exec('CREATE INDEX IF NOT EXISTS track_at ON track (at)');
    this.insert = this.db.prepare('INSERT INTO track (dispatch_id, team_id, at, lon, lat, speed, heading) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.byDispatch = this.db.prepare('SELECT team_id, at, lon, lat, speed, heading FROM track WHERE dispatch_id = ? ORDER BY team_id, at LIMIT ?');
    this.byTime = this.db.prepare('SELECT team_id, at, lon, lat, speed, heading FROM track WHERE at >= ? AND at < ? ORDER BY at, rowid LIMIT ?');
  }

  append(points: readonly TrackPoint[]): void {
    if (points.length === 0) return;
    this.db.transaction(() => {
      for (const p of points) this.insert.run(p.dispatchId, p.teamId, p.at, p.lon, p.lat, p.speed ?? null, p.heading ?? null);
    })();
  }

  /** A dispatch's tracks, per team, in time order (at most `limit` points in all). */
  track(dispatchId: string, limit = 50_000): Array<{ teamId: string; points: Array<Omit<TeamPosition, 'teamId'>> }> {
    const rows = this.byDispatch.all(dispatchId, limit) as TrackRow[];
    const out = new Map<string, Array<Omit<TeamPosition, 'teamId'>>>();
    for (const r of rows) {
      const list = out.get(r.team_id) ?? [];
      list.push(fix(r));
      out.set(r.team_id, list);
    }
    return [...out].map(([teamId, points]) => ({ teamId, points }));
  }

  /**
   * Every team's fixes taken in [fromIso, toIso) (ISO 8601 UTC, fix time), in time order, at most
   * `limit`; `truncated` when there were more.
   */
  between(fromIso: string, toIso: string, limit: number): { points: TeamPosition[]; truncated: boolean } {
    const rows = this.byTime.all(fromIso, toIso, limit + 1) as TrackRow[];
    const truncated = rows.length > limit;
    if (truncated) rows.pop();
    return { points: rows.map((r) => ({ teamId: r.team_id, ...fix(r) })), truncated };
  }

  close(): void {
    this.db.close();
  }
}

interface TrackRow {
  team_id: string;
  at: string;
  lon: number;
  lat: number;
  speed: number | null;
  heading: number | null;
}

const fix = (r: TrackRow): Omit<TeamPosition, 'teamId'> => ({
  at: r.at,
  lon: r.lon,
  lat: r.lat,
  ...(r.speed !== null ? { speed: r.speed } : {}),
  ...(r.heading !== null ? { heading: r.heading } : {}),
});
