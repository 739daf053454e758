import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { TeamPosition } from '@watchfloor/shared';

/**
 * Live team positions, as the socket relays them (the `positions` message, not journal events).
 * The latest fix per team wins; a batch replaces the map once, so the map layer redraws once.
 */
export const usePositionsStore = defineStore('positions', () => {
  const byTeam = shallowRef<Readonly<Record<string, TeamPosition>>>({});
  function merge(batch: readonly TeamPosition[]): void {
    let next: Record<string, TeamPosition> | null = null;
    for (const p of batch) {
      const held = (next ?? byTeam.value)[p.teamId];
      if (held && held.at > p.at) continue;
      next ??= { ...byTeam.value };
      next[p.teamId] = p;
    }
    if (next) byTeam.value = next;
  }
  function reset(): void {
    byTeam.value = {};
  }
  return { byTeam, merge, reset };
});
