import { z } from 'zod';
import { lonLatSchema, type LonLat } from '../region.js';
import { teamKindSchema, type TeamKind } from '../teams/model.js';

/** Where a dispatch sends teams: an incident, a hazard point, or a free destination. */
export const dispatchTargetSchema = z.strictObject({
  kind: z.enum(['incident', 'hazard', 'point']),
  /** The incident or hazard id, when it is one. */
  ref: z.string().min(1).max(60).optional(),
  label: z.string().trim().min(1).max(80),
  lonLat: lonLatSchema,
});
export type DispatchTarget = z.infer<typeof dispatchTargetSchema>;

const teamId = z.string().min(1).max(60);

/** Payload of `dispatch:create` (调度令). `teamIds` may be empty: assign later from the recommendations. */
export const createDispatchSchema = z.strictObject({
  task: z.string().trim().min(1, 'task is empty').max(500),
  target: dispatchTargetSchema,
  peopleNeeded: z.number().int().min(0).max(10_000).default(0),
  equipmentNeeded: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  /** Kinds of team that suit the task; empty means any. */
  teamKinds: z.array(teamKindSchema).max(7).default([]),
  teamIds: z.array(teamId).max(20).default([]),
  /** Take teams already out on another order off it. Without it, a busy team is refused. */
  reassign: z.boolean().default(false),
});
export type CreateDispatch = z.input<typeof createDispatchSchema>;

export const assignTeamSchema = z.strictObject({ dispatchId: z.string().min(1).max(60), teamId, reassign: z.boolean().default(false) });
export const respondDispatchSchema = z
  .strictObject({ dispatchId: z.string().min(1).max(60), teamId, accept: z.boolean(), reason: z.string().trim().max(200).optional() })
  .refine((p) => p.accept || (p.reason?.length ?? 0) > 0, { message: 'a decline needs a reason', path: ['reason'] });
export const DISPATCH_STEPS = ['on-scene', 'returning', 'back'] as const;
export type DispatchStep = (typeof DISPATCH_STEPS)[number];
export const reportDispatchStepSchema = z.strictObject({ dispatchId: z.string().min(1).max(60), teamId, step: z.enum(DISPATCH_STEPS) });
export const recallTeamSchema = z.strictObject({ dispatchId: z.string().min(1).max(60), teamId });
export const closeDispatchSchema = z.strictObject({ dispatchId: z.string().min(1).max(60) });

/** Where one team is in one order. `reassigned`, `declined` and `done` are final. */
export type AssignmentState = 'pending' | 'en-route' | 'on-scene' | 'returning' | 'done' | 'declined' | 'reassigned';
export const FINAL_ASSIGNMENT_STATES: readonly AssignmentState[] = ['done', 'declined', 'reassigned'];

/** One time-stamped step of an assignment: who did what, when. */
export interface AssignmentStep {
  state: AssignmentState;
  at: string;
  by: string;
  reason?: string;
}

export interface Assignment {
  teamId: string;
  state: AssignmentState;
  steps: AssignmentStep[];
}

export interface DispatchOrder {
  id: string;
  task: string;
  target: DispatchTarget;
  peopleNeeded: number;
  equipmentNeeded: string[];
  teamKinds: TeamKind[];
  createdAt: string;
  createdBy: string;
  closedAt?: string;
  assignments: Assignment[];
}

export type { LonLat };
