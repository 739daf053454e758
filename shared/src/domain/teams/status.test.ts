import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import { canTeam, nextTeamStatus, type TeamAction, type TeamStatus } from './status.js';

describe('team status machine', () => {
  const allowed: Array<[TeamStatus, TeamAction, TeamStatus]> = [
    ['standby', 'assign', 'dispatched'],
    ['dispatched', 'accept', 'en-route'],
    ['dispatched', 'decline', 'standby'],
    ['dispatched', 'recall', 'standby'],
    ['en-route', 'arrive', 'on-scene'],
    ['en-route', 'recall', 'returning'],
    ['on-scene', 'leave-scene', 'returning'],
    ['returning', 'back', 'standby'],
    ['standby', 'stand-down', 'unavailable'],
    ['unavailable', 'stand-up', 'standby'],
    ['en-route', 'reassign', 'dispatched'],
    ['on-scene', 'reassign', 'dispatched'],
  ];
  it.each(allowed)('%s --%s--> %s', (from, action, to) => {
    expect(nextTeamStatus(from, action)).toBe(to);
    expect(canTeam(from, action)).toBe(true);
  });

  const refused: Array<[TeamStatus, TeamAction]> = [
    ['dispatched', 'assign'], // no double dispatch: only an explicit reassign moves a team that is out
    ['en-route', 'assign'],
    ['on-scene', 'assign'],
    ['returning', 'assign'],
    ['unavailable', 'assign'],
    ['standby', 'reassign'],
    ['standby', 'accept'],
    ['standby', 'arrive'],
    ['dispatched', 'arrive'], // on scene only after setting out
    ['en-route', 'back'],
    ['on-scene', 'stand-down'],
    ['unavailable', 'accept'],
  ];
  it.each(refused)('%s refuses %s', (from, action) => {
    expect(() => nextTeamStatus(from, action)).toThrow(DomainError);
    expect(canTeam(from, action)).toBe(false);
  });
});
