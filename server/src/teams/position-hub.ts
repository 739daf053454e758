import type { PositionReport, TeamPosition } from '@watchfloor/shared';
import type { TrackPoint } from './track-store.js';

/**
 * The latest position of every team, coalesced in memory: a report replaces the held one only
 * when its fix time is newer (devices resend old fixes after a dead spot), and the teams changed
 * since the last flush are handed out together, so 300 teams reporting every 5 s cost one small
 * broadcast per tick rather than one per report. Pure bookkeeping, no I/O: the plugin owns the
 * timer, the socket and the track file.
 *
 * In scale-out the hub also holds what the other servers relay (`merge`), by the same rule. It
 * keeps apart the teams whose latest fix was reported here: only those are passed on, so a
 * relayed fix is never relayed again.
 */
export class PositionHub {
  private readonly latest = new Map<string, TeamPosition>();
  private readonly dirty = new Set<string>();
  /** Changed teams whose latest fix was reported to this server, not relayed by another. */
  private readonly reportedHere = new Set<string>();
  private track: TrackPoint[] = [];

  /**
   * Takes reports for one team. `dispatchId` is the order the team is out on (null at home):
   * only then is the fix kept for the track. Returns how many reports were accepted (all valid
   * ones; an older fix still goes to the track, it just does not move the marker).
   */
  accept(teamId: string, reports: readonly PositionReport[], nowIso: string, dispatchId: string | null): number {
    for (const r of reports) {
      const p: TeamPosition = {
        teamId,
        lon: r.lon,
        lat: r.lat,
        at: r.at ? new Date(r.at).toISOString() : nowIso,
        ...(r.speed !== undefined ? { speed: r.speed } : {}),
        ...(r.heading !== undefined ? { heading: r.heading } : {}),
      };
      if (this.hold(p)) this.reportedHere.add(teamId);
      if (dispatchId) this.track.push({ ...p, dispatchId });
    }
    return reports.length;
  }

  /** Takes the latest fixes another server relayed: broadcast here, never relayed again. */
  merge(positions: readonly TeamPosition[]): void {
    for (const p of positions) if (this.hold(p)) this.reportedHere.delete(p.teamId);
  }

  /** Keeps `p` when it is at least as new as the fix held for its team; says whether it did. */
  private hold(p: TeamPosition): boolean {
    const held = this.latest.get(p.teamId);
    if (held && held.at > p.at) return false;
    this.latest.set(p.teamId, p);
    this.dirty.add(p.teamId);
    return true;
  }

  get(teamId: string): TeamPosition | undefined {
    return this.latest.get(teamId);
  }

  all(): TeamPosition[] {
    return [...this.latest.values()];
  }

  /**
   * The positions changed since the last call (to broadcast), those of them reported to this
   * server (to relay to the others), and the track points to persist.
   */
  flush(): { changed: TeamPosition[]; reportedHere: TeamPosition[]; track: TrackPoint[] } {
    const changed = [...this.dirty].map((id) => this.latest.get(id)!);
    const reportedHere = [...this.reportedHere].map((id) => this.latest.get(id)!);
    this.dirty.clear();
    this.reportedHere.clear();
    const track = this.track;
    this.track = [];
    return { changed, reportedHere, track };
  }
}
