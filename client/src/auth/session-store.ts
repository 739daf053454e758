import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LoginResponse } from '@watchfloor/shared';
import { requestLogin } from './auth-api';
import { FACES, faceAllows, parseStoredSession, sessionKey, sessionValid, type Face } from './faces';

/** Thrown by `login` when the account exists but may not use this face. */
export class FaceNotAllowedError extends Error {
  constructor(readonly face: Face) {
    super(`this account may not use the ${face}`);
    this.name = 'FaceNotAllowedError';
  }
}

// localStorage can throw (storage disabled, quota); a session then lasts only as long as the tab.
function readStored(face: Face): LoginResponse | null {
  try {
    return parseStoredSession(localStorage.getItem(sessionKey(face)));
  } catch {
    return null;
  }
}
function writeStored(face: Face, session: LoginResponse | null): void {
  try {
    if (session) localStorage.setItem(sessionKey(face), JSON.stringify(session));
    else localStorage.removeItem(sessionKey(face));
  } catch {
    // Kept in memory only.
  }
}

/** Who is logged in on each face. Tokens live in localStorage under one key per face. */
export const useSessionStore = defineStore('session', () => {
  const sessions = ref<Partial<Record<Face, LoginResponse>>>(
    Object.fromEntries(FACES.flatMap((f) => {
      const s = readStored(f);
      return s ? [[f, s]] : [];
    })),
  );

  /** The face's session if it is still valid at `nowMs`. */
  function sessionFor(face: Face, nowMs: number = Date.now()): LoginResponse | null {
    const s = sessions.value[face];
    return s && sessionValid(s, nowMs) ? s : null;
  }

  async function login(face: Face, username: string, password: string): Promise<LoginResponse> {
    const session = await requestLogin({ username, password });
    if (!faceAllows(face, session.role)) throw new FaceNotAllowedError(face);
    sessions.value = { ...sessions.value, [face]: session };
    writeStored(face, session);
    return session;
  }

  function logout(face: Face): void {
    const next = { ...sessions.value };
    delete next[face];
    sessions.value = next;
    writeStored(face, null);
  }

  return { sessions, sessionFor, login, logout };
});
