import { ROLES, type LoginResponse, type Role } from '@watchfloor/shared';

/** The three faces of the app, each with its own route, login and stored session. */
export const FACES = ['wall', 'console', 'field'] as const;
export type Face = (typeof FACES)[number];

/**
 * Who may open which face. The wall is read-only, so any account may watch it; the console
 * writes the duty log; the field page serves teams, reporters and the desk staff who go out.
 */
export const FACE_ROLES: Record<Face, readonly Role[]> = {
  wall: ROLES,
  console: ['duty', 'commander', 'admin'],
  field: ['team', 'reporter', 'duty', 'commander', 'admin'],
};

export function faceAllows(face: Face, role: Role): boolean {
  return FACE_ROLES[face].includes(role);
}

export function isFace(value: unknown): value is Face {
  return typeof value === 'string' && (FACES as readonly string[]).includes(value);
}

/** localStorage key of a face's session, so a wall and a console can run in two tabs as two users. */
export const sessionKey = (face: Face): string => `watchfloor.session.${face}`;

/** A session is usable until `expiresAt`; `null` never expires (the wall). */
export function sessionValid(session: LoginResponse, nowMs: number): boolean {
  return session.expiresAt === null || Date.parse(session.expiresAt) > nowMs;
}

/** Reads a stored session back, or null if it is missing, corrupt or from an older shape. */
export function parseStoredSession(raw: string | null): LoginResponse | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const ok =
    typeof v.token === 'string' &&
    v.token.length > 0 &&
    typeof v.role === 'string' &&
    (ROLES as readonly string[]).includes(v.role) &&
    typeof v.user === 'string' &&
    typeof v.displayName === 'string' &&
    (v.expiresAt === null || typeof v.expiresAt === 'string');
  return ok ? (value as LoginResponse) : null;
}
