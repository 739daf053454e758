import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '@watchfloor/shared';
import { faceAllows, isFace, parseStoredSession, sessionKey, sessionValid } from './faces';

const wall: LoginResponse = { token: 't', role: 'wall', user: 'wall', displayName: '大屏', expiresAt: null };
const duty: LoginResponse = { token: 't', role: 'duty', user: 'duty', displayName: '值班员', expiresAt: '2024-10-10T00:00:00Z' };

describe('faces', () => {
  it('lets only desk roles use the console and anyone watch the wall', () => {
    expect(faceAllows('console', 'duty')).toBe(true);
    expect(faceAllows('console', 'wall')).toBe(false);
    expect(faceAllows('console', 'team')).toBe(false);
    expect(faceAllows('field', 'team')).toBe(true);
    expect(faceAllows('field', 'wall')).toBe(false);
    expect(faceAllows('wall', 'wall')).toBe(true);
  });

  it('keeps one session key per face', () => {
    expect(new Set(['wall', 'console', 'field'].map((f) => sessionKey(f as 'wall')))).toHaveProperty('size', 3);
    expect(isFace('console')).toBe(true);
    expect(isFace('admin')).toBe(false);
  });

  it('never expires the wall and expires others at expiresAt', () => {
    expect(sessionValid(wall, Date.parse('2099-01-01T00:00:00Z'))).toBe(true);
    expect(sessionValid(duty, Date.parse('2024-10-09T23:59:59Z'))).toBe(true);
    expect(sessionValid(duty, Date.parse('2024-10-10T00:00:00Z'))).toBe(false);
  });

  it('reads back a stored session and refuses anything else', () => {
    expect(parseStoredSession(JSON.stringify(wall))).toEqual(wall);
    expect(parseStoredSession(null)).toBeNull();
    expect(parseStoredSession('{not json')).toBeNull();
    expect(parseStoredSession(JSON.stringify({ ...wall, role: 'king' }))).toBeNull();
    expect(parseStoredSession(JSON.stringify({ ...wall, token: '' }))).toBeNull();
    expect(parseStoredSession('"a string"')).toBeNull();
  });
});
