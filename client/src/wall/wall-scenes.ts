import type { ResponseCommand } from '@watchfloor/shared';

/**
 * The wall's scenes: which panels are prominent. Chosen from the situation alone (a pure
 * function of the stores and the clock), so a replayed window picks the same scenes the live
 * wall did, and nothing has to remember what it "saw" across reconnects or snapshots.
 */
export const WALL_SCENES = ['overview', 'flood', 'incident'] as const;
export type WallSceneName = (typeof WALL_SCENES)[number];

/** How long a new red warning or a new major incident holds the wall on its scene, in ms. */
export const FOCUS_MS = 10 * 60_000;

/** Main flood season (主汛期) in China Standard Time months, inclusive: May to September. */
const FLOOD_SEASON_MONTHS = { from: 5, to: 9 };
const CST_OFFSET_MS = 8 * 3_600_000;

export interface SceneResponse {
  command: ResponseCommand;
  level: number;
}
/** A warning in force (the caller passes only those). */
export interface SceneWarning {
  colour: string;
  issuedAt: string;
}
export interface SceneIncident {
  level: number;
  status: string;
  receivedAt: string;
}
export interface SceneInputs {
  nowMs: number;
  /** The most serious response level in force (1 = I … 4 = IV), or null. */
  highest: SceneResponse | null;
  warnings: readonly SceneWarning[];
  incidents: readonly SceneIncident[];
}
export interface SceneChoice {
  scene: WallSceneName;
  /** Why: for the wall's label and the tests. */
  reason: 'response' | 'season' | 'quiet' | 'red-warning' | 'major-incident';
  /** Epoch ms when a focus ends and the wall goes back to its standing scene; null when none. */
  focusUntil: number | null;
}

export function inFloodSeason(nowMs: number): boolean {
  const month = new Date(nowMs + CST_OFFSET_MS).getUTCMonth() + 1;
  return month >= FLOOD_SEASON_MONTHS.from && month <= FLOOD_SEASON_MONTHS.to;
}

/**
 * The standing scene: a response in force decides (flood and drought → flood scene; any other
 * command is an emergency being handled → incident scene); without one, the season does.
 */
export function standingScene(highest: SceneResponse | null, nowMs: number): Pick<SceneChoice, 'scene' | 'reason'> {
  if (highest) return { scene: highest.command === 'flood-drought' ? 'flood' : 'incident', reason: 'response' };
  return inFloodSeason(nowMs) ? { scene: 'flood', reason: 'season' } : { scene: 'overview', reason: 'quiet' };
}

/**
 * A red warning issued, or a major (level I–II) incident received, within the last FOCUS_MS
 * pulls the wall to its scene by itself; the newest such event wins. When it is older the wall
 * falls back to the standing scene. Closed incidents pull nothing.
 */
export function chooseScene(input: SceneInputs): SceneChoice {
  let focus: { at: number; scene: WallSceneName; reason: SceneChoice['reason'] } | null = null;
  const consider = (at: number, scene: WallSceneName, reason: SceneChoice['reason']) => {
    if (!Number.isFinite(at) || at > input.nowMs || input.nowMs - at >= FOCUS_MS) return;
    if (!focus || at > focus.at) focus = { at, scene, reason };
  };
  for (const w of input.warnings) if (w.colour === 'red') consider(Date.parse(w.issuedAt), 'flood', 'red-warning');
  for (const i of input.incidents) if (i.level <= 2 && i.status === 'open') consider(Date.parse(i.receivedAt), 'incident', 'major-incident');
  const found = focus as { at: number; scene: WallSceneName; reason: SceneChoice['reason'] } | null;
  if (found) return { scene: found.scene, reason: found.reason, focusUntil: found.at + FOCUS_MS };
  return { ...standingScene(input.highest, input.nowMs), focusUntil: null };
}
