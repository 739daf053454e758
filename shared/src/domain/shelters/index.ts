import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';
import { lonLatSchema } from '../region.js';

/** Payload of `shelter:register` (避难场所 / 安置点). */
export const registerShelterSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
  name: z.string().trim().min(1).max(60),
  townshipCode: z.string().regex(/^\d{12}$/).optional(),
  villageCode: z.string().regex(/^\d{12}$/).optional(),
  lonLat: lonLatSchema,
  /** People it can hold. */
  capacity: z.number().int().min(1).max(100_000),
  contact: z.string().trim().min(1).max(40),
  phone: z.string().trim().regex(/^[0-9+\- ]{3,20}$/),
  open: z.boolean().default(false),
});
export type RegisterShelter = z.input<typeof registerShelterSchema>;

export interface Shelter extends Omit<z.infer<typeof registerShelterSchema>, 'id'> {
  id: string;
  /** People there now: checked in minus checked out. Never negative, never above capacity. */
  occupancy: number;
  checkedIn: number;
  checkedOut: number;
  updatedAt: string;
}

export type ShelterStatus = 'open' | 'full' | 'closed';

/** Open, full (occupancy at capacity) or closed. Pure. */
export function shelterStatus(s: Pick<Shelter, 'open' | 'occupancy' | 'capacity'>): ShelterStatus {
  if (!s.open) return 'closed';
  return s.occupancy >= s.capacity ? 'full' : 'open';
}

/**
 * Occupancy after a check-in (+people) or check-out (−people), or a DomainError: a closed
 * shelter takes nobody, occupancy never exceeds capacity and never goes below zero. Pure.
 */
export function nextOccupancy(s: Pick<Shelter, 'open' | 'occupancy' | 'capacity' | 'name'>, delta: number): number {
  const next = s.occupancy + delta;
  if (delta > 0 && !s.open) throw new DomainError('conflict', `${s.name} is closed`, 'shelterId');
  if (next > s.capacity) throw new DomainError('conflict', `${s.name} has room for ${s.capacity - s.occupancy} more`, 'people');
  if (next < 0) throw new DomainError('conflict', `${s.name} has only ${s.occupancy} people checked in`, 'people');
  return next;
}

export interface SheltersState {
  byId: Record<string, Shelter>;
}
export const initialShelters = (): SheltersState => ({ byId: {} });

export function reduceShelters(state: SheltersState, event: JournalEvent): SheltersState {
  switch (event.type) {
    case 'shelter:registered': {
      const s = event.data as Omit<Shelter, 'occupancy' | 'checkedIn' | 'checkedOut' | 'updatedAt'>;
      const old = state.byId[s.id];
      const shelter: Shelter = { occupancy: 0, checkedIn: 0, checkedOut: 0, ...old, ...s, updatedAt: event.at };
      return { byId: { ...state.byId, [s.id]: shelter } };
    }
    case 'shelter:opened':
    case 'shelter:closed':
    case 'shelter:checked-in':
    case 'shelter:checked-out': {
      const d = event.data as { shelterId: string; people?: number };
      const old = state.byId[d.shelterId];
      if (!old) return state;
      const people = d.people ?? 0;
      const next: Shelter = { ...old, updatedAt: event.at };
      if (event.type === 'shelter:opened') next.open = true;
      if (event.type === 'shelter:closed') next.open = false;
      if (event.type === 'shelter:checked-in') Object.assign(next, { occupancy: old.occupancy + people, checkedIn: old.checkedIn + people });
      if (event.type === 'shelter:checked-out') Object.assign(next, { occupancy: old.occupancy - people, checkedOut: old.checkedOut + people });
      return { byId: { ...state.byId, [old.id]: next } };
    }
    default:
      return state;
  }
}

export const sheltersSlice = defineSlice({ initial: initialShelters, reduce: reduceShelters });

const ROLES = ['commander', 'duty', 'admin'] as const;
/** Shelter staff at the door are village or township officers (role `reporter`). */
const DOOR_ROLES = ['reporter', 'commander', 'duty', 'admin'] as const;
const shelterId = z.string().min(1).max(60);

function shelterOf(state: { shelters: SheltersState }, id: string): Shelter {
  const s = state.shelters.byId[id];
  if (!s) throw new DomainError('not_found', `no shelter ${id}`, 'shelterId');
  return s;
}

export const registerShelter = defineCommand({
  type: 'shelter:register',
  summary: 'Register a shelter or update its standing data',
  payload: registerShelterSchema,
  roles: ROLES,
  decide(state, p, ctx) {
    const id = p.id ?? ctx.newId('shelter');
    const old = state.shelters.byId[id];
    if (old && p.capacity < old.occupancy) throw new DomainError('conflict', `${old.occupancy} people are already there`, 'capacity');
    return { events: [{ type: 'shelter:registered', data: { ...p, id } }], result: { id } };
  },
});

export const setShelterOpen = defineCommand({
  type: 'shelter:set-open',
  summary: 'Open or close a shelter',
  payload: z.strictObject({ shelterId, open: z.boolean() }),
  roles: ROLES,
  decide(state, p) {
    const s = shelterOf(state, p.shelterId);
    if (!p.open && s.occupancy > 0) throw new DomainError('conflict', `${s.occupancy} people are still checked in`, 'open');
    return { events: [{ type: p.open ? 'shelter:opened' : 'shelter:closed', data: { shelterId: s.id } }] };
  },
});

const movePeopleSchema = z.strictObject({ shelterId, people: z.number().int().min(1).max(10_000), note: z.string().trim().max(200).optional() });

export const checkInShelter = defineCommand({
  type: 'shelter:check-in',
  summary: 'Count people checked in at a shelter',
  payload: movePeopleSchema,
  roles: DOOR_ROLES,
  decide(state, p) {
    nextOccupancy(shelterOf(state, p.shelterId), p.people);
    return { events: [{ type: 'shelter:checked-in', data: p }] };
  },
});

export const checkOutShelter = defineCommand({
  type: 'shelter:check-out',
  summary: 'Count people checked out of a shelter',
  payload: movePeopleSchema,
  roles: DOOR_ROLES,
  decide(state, p) {
    nextOccupancy(shelterOf(state, p.shelterId), -p.people);
    return { events: [{ type: 'shelter:checked-out', data: p }] };
  },
});

export const shelterCommands: CommandDef[] = [registerShelter, setShelterOpen, checkInShelter, checkOutShelter];
