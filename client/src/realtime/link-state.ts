/** The socket as the screens see it: synced and current, (re)connecting or replaying, or cut off. */
export type ConnectionStatus = 'live' | 'connecting' | 'offline';

/** What the wall tells the room about the picture it shows. */
export type LinkHealth = 'live' | 'degraded' | 'offline';

/** Data older than this is no longer a usable picture of the situation, in ms. */
export const STALE_AFTER_MS = 60_000;

/**
 * How old the shown data is, in ms: 0 while live (every committed event arrives at once),
 * else the time since the link was last live. `null` when it never was.
 */
export function dataAgeMs(status: ConnectionStatus, freshAtMs: number | null, nowMs: number): number | null {
  if (status === 'live') return 0;
  if (freshAtMs === null) return null;
  return Math.max(0, nowMs - freshAtMs);
}

/**
 * LIVE while synced; DEGRADED while the link is down or replaying but the picture is recent;
 * OFFLINE once it is older than STALE_AFTER_MS or there never was one.
 */
export function linkHealth(status: ConnectionStatus, ageMs: number | null): LinkHealth {
  if (status === 'live') return 'live';
  if (ageMs !== null && ageMs < STALE_AFTER_MS) return 'degraded';
  return 'offline';
}
