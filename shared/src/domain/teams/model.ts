import { z } from 'zod';
import { lonLatSchema } from '../region.js';
import type { TeamStatus } from './status.js';

/** Kinds of rescue team (救援队伍类别). */
export const TEAM_KINDS = ['fire-rescue', 'flood', 'forest-fire', 'mine-rescue', 'hazmat', 'township', 'volunteer'] as const;
export const teamKindSchema = z.enum(TEAM_KINDS);
export type TeamKind = z.infer<typeof teamKindSchema>;

/** County-level (县级) or township (乡镇) team. */
export const TEAM_LEVELS = ['county', 'township'] as const;
export type TeamLevel = (typeof TEAM_LEVELS)[number];

const phone = z.string().trim().regex(/^[0-9+\- ]{3,20}$/, 'a phone number: digits, +, - and spaces');

/** Payload of `team:register`: a team and its standing data. Re-registering an id updates it. */
export const registerTeamSchema = z.strictObject({
  /** A stable id from the roster (import key); generated when absent. */
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and -').optional(),
  name: z.string().trim().min(1).max(60),
  kind: teamKindSchema,
  level: z.enum(TEAM_LEVELS),
  townshipCode: z.string().regex(/^\d{12}$/).optional(),
  headcount: z.number().int().min(1).max(5000),
  leader: z.string().trim().min(1).max(40),
  phone,
  /** Equipment as free labels with counts (冲锋舟 ×4). */
  equipment: z.array(z.strictObject({ name: z.string().trim().min(1).max(40), count: z.number().int().min(1).max(10_000) })).max(50).default([]),
  base: z.strictObject({ name: z.string().trim().min(1).max(60), lonLat: lonLatSchema }),
  /** Accounts (role `team`) that act for this team: its leader's field devices. */
  accounts: z.array(z.string().min(1).max(64)).max(10).default([]),
});
export type RegisterTeam = z.input<typeof registerTeamSchema>;
export type TeamRecord = Omit<z.infer<typeof registerTeamSchema>, 'id'> & { id: string };

/** A team as the read model holds it: standing data plus where it is in the dispatch cycle. */
export interface Team extends TeamRecord {
  status: TeamStatus;
  /** When the status last changed (ISO). */
  statusAt: string;
  /** The dispatch order it is out on, while it is out. */
  dispatchId: string | null;
  /** Why it is unavailable, when it is. */
  note?: string;
}

/**
 * One reported position. Not a journal event: positions are coalesced (latest `at` wins) and
 * relayed as the `positions` socket message. `at` is the fix time, ISO 8601.
 */
export const positionReportSchema = z.strictObject({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  at: z.iso.datetime({ offset: true }).optional(),
  /** m/s. */
  speed: z.number().min(0).max(150).optional(),
  /** Degrees clockwise from north. */
  heading: z.number().min(0).max(360).optional(),
});
export type PositionReport = z.infer<typeof positionReportSchema>;
/**
 * `POST /api/teams/{id}/position` accepts one report or a batch; one report is read as a batch
 * of one, so an error names the field either way (`0.lat`).
 */
export const positionBodySchema = z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(positionReportSchema).min(1).max(500));

/**
 * A team's latest position as the server relays it, to screens and to the other servers sharing
 * its database. `at` is UTC with milliseconds (`toISOString()`), so the strings order as the
 * instants do: "latest `at` wins" compares them as strings.
 */
export const teamPositionSchema = positionReportSchema.extend({
  teamId: z.string().min(1).max(60),
  at: z.iso.datetime({ precision: 3 }),
});
export type TeamPosition = z.infer<typeof teamPositionSchema>;

/** A position older than this fades on the wall, in ms. */
export const POSITION_STALE_AFTER_MS = 60_000;
/** A team out on a dispatch with no position for this long shows "offline", in ms. */
export const POSITION_OFFLINE_AFTER_MS = 5 * 60_000;

export type PositionAge = 'live' | 'stale' | 'offline';

/** How fresh a position is at `nowMs`. Pure; the wall re-evaluates it every second. */
export function positionAge(atIso: string, nowMs: number): PositionAge {
  const age = nowMs - Date.parse(atIso);
  if (age >= POSITION_OFFLINE_AFTER_MS) return 'offline';
  if (age >= POSITION_STALE_AFTER_MS) return 'stale';
  return 'live';
}
