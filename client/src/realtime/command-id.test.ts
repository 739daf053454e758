import { describe, expect, it } from 'vitest';
import { newCommandId } from './command-id';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newCommandId', () => {
  it('uses randomUUID where the context has it', () => {
    expect(newCommandId({ randomUUID: () => 'from-random-uuid', getRandomValues: (a: Uint8Array<ArrayBuffer>) => a })).toBe('from-random-uuid');
  });

  it('builds a v4 UUID from getRandomValues in an insecure context', () => {
    const crypto = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(a) };
    const ids = new Set(Array.from({ length: 50 }, () => newCommandId(crypto)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('sets the version and variant bits whatever the random bytes are', () => {
    const allOnes = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => a.fill(0xff) };
    expect(newCommandId(allOnes)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
