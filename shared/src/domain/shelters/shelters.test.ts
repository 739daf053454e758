import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import { nextOccupancy, shelterStatus } from './index.js';

describe('shelters', () => {
  it.each([
    [{ open: false, occupancy: 0, capacity: 10 }, 'closed'],
    [{ open: true, occupancy: 9, capacity: 10 }, 'open'],
    [{ open: true, occupancy: 10, capacity: 10 }, 'full'],
  ] as const)('%j is %s', (s, status) => expect(shelterStatus(s)).toBe(status));

  const base = { name: 'S', open: true, occupancy: 5, capacity: 10 };
  it.each([
    [base, 5, 10],
    [base, -5, 0],
    [{ ...base, open: false }, -5, 0], // a closed shelter still lets people leave
  ])('%j %i → %i', (s, delta, next) => expect(nextOccupancy(s, delta)).toBe(next));
  it.each([
    [base, 6, 'room for 5'],
    [base, -6, 'only 5'],
    [{ ...base, open: false }, 1, 'closed'],
  ])('%j %i refused', (s, delta, msg) => {
    expect(() => nextOccupancy(s, delta)).toThrow(DomainError);
    expect(() => nextOccupancy(s, delta)).toThrow(msg);
  });
});
