import type { z } from 'zod';
import type { DecideContext, DraftEvent } from './journal.js';
import type { Role } from './roles.js';
import type { WatchState } from './state.js';

/** What deciding a command yields: the events to journal and a result for the caller. */
export interface Decision {
  events: DraftEvent[];
  result?: Record<string, unknown>;
}

/**
 * A command: its payload schema (the runtime validator and the static type), the roles allowed
 * to issue it, and a pure decider that turns it into events or refuses with a DomainError.
 */
export interface CommandDef<S extends z.ZodType = z.ZodType> {
  type: string;
  summary: string;
  payload: S;
  roles: readonly Role[];
  decide(state: WatchState, payload: z.infer<S>, ctx: DecideContext): Decision;
}

export function defineCommand<S extends z.ZodType>(def: CommandDef<S>): CommandDef<S> {
  return def;
}
