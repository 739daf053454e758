import { describe, expect, it } from 'vitest';
import type { Team } from '../teams/model.js';
import { ETA_TURNOUT_MIN, etaMinutes, recommendTeams } from './recommend.js';

const team = (id: string, kind: Team['kind'], lonLat: [number, number], status: Team['status'] = 'standby'): Team => ({
  id, name: id, kind, level: 'county', headcount: 20, leader: 'x', phone: '123', equipment: [], accounts: [],
  base: { name: 'base', lonLat }, status, statusAt: '2024-01-01T00:00:00Z', dispatchId: null,
});

describe('recommendTeams', () => {
  const target: [number, number] = [110, 30];
  const teams = [
    team('near-fire', 'fire-rescue', [110.01, 30]),
    team('far-flood', 'flood', [110.3, 30]),
    team('near-flood-busy', 'flood', [110.001, 30], 'en-route'),
    team('mid-flood', 'flood', [110.1, 30]),
    team('off', 'flood', [110, 30], 'unavailable'),
  ];

  it('offers standby teams only, suitable kinds first, nearest first', () => {
    const recs = recommendTeams(teams, target, ['flood']);
    expect(recs.map((r) => r.teamId)).toEqual(['mid-flood', 'far-flood', 'near-fire']);
    expect(recs.map((r) => r.suitable)).toEqual([true, true, false]);
    expect(recs[0]!.distanceKm).toBeCloseTo(9.6, 1);
  });

  it('any kind suits an order that names none', () => {
    expect(recommendTeams(teams, target, []).map((r) => r.teamId)).toEqual(['near-fire', 'mid-flood', 'far-flood']);
  });

  it('uses a live position over the base', () => {
    const recs = recommendTeams(teams, target, ['flood'], new Map([['far-flood', [110.0, 30.001] as [number, number]]]));
    expect(recs[0]!.teamId).toBe('far-flood');
  });

  it('estimates ETA from distance, road factor, average speed and turn-out', () => {
    expect(etaMinutes(0)).toBe(ETA_TURNOUT_MIN);
    expect(etaMinutes(20)).toBe(ETA_TURNOUT_MIN + 42); // 20 km × 1.4 at 40 km/h
  });
});
