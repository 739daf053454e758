/**
 * Emergency response levels (应急响应) per specialised command (专项指挥部): started, raised,
 * lowered and ended, level IV (4, least) → I (1, most serious). Each step is approved by a
 * commander, and who approved and when is on record ("失职追责").
 */
import { z } from 'zod';
import { defineCommand, type CommandDef } from '../../command.js';
import { DomainError } from '../../errors.js';
import type { JournalEvent } from '../../journal.js';
import { defineSlice } from '../../slice.js';

/** The specialised commands of "1 + N" that start responses, and the general command. */
export const RESPONSE_COMMANDS = {
  general: { zh: '总指挥部', en: 'General command' },
  'flood-drought': { zh: '防汛抗旱', en: 'Flood & drought' },
  'geological-hazard': { zh: '地质灾害', en: 'Geological hazards' },
  'forest-fire': { zh: '森林防灭火', en: 'Forest fire' },
  earthquake: { zh: '抗震救灾', en: 'Earthquake' },
  'hazardous-chemicals': { zh: '危险化学品', en: 'Hazardous chemicals' },
  mines: { zh: '矿山安全', en: 'Mines' },
} as const;
export type ResponseCommand = keyof typeof RESPONSE_COMMANDS;
export const responseCommandSchema = z.enum(Object.keys(RESPONSE_COMMANDS) as [ResponseCommand, ...ResponseCommand[]]);

/** 1 = level I (most serious) … 4 = level IV. */
export const responseLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type ResponseLevel = z.infer<typeof responseLevelSchema>;
export const ROMAN_LEVEL: Readonly<Record<ResponseLevel, string>> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

export type ResponseAction = 'start' | 'raise' | 'lower' | 'end';

export interface ResponseStep {
  command: ResponseCommand;
  action: ResponseAction;
  from: ResponseLevel | null;
  to: ResponseLevel | null;
  area: string;
  reason: string;
  approvedBy: string;
  at: string;
}

export interface ActiveResponse {
  command: ResponseCommand;
  level: ResponseLevel;
  area: string;
  startedAt: string;
  updatedAt: string;
  approvedBy: string;
}

export interface ResponsesState {
  active: Partial<Record<ResponseCommand, ActiveResponse>>;
  /** Newest first, bounded. */
  history: ResponseStep[];
}

export const RESPONSE_HISTORY_LIMIT = 200;
export const initialResponses = (): ResponsesState => ({ active: {}, history: [] });

export function reduceResponses(state: ResponsesState, event: JournalEvent): ResponsesState {
  if (event.type !== 'response:changed') return state;
  const step = { ...(event.data as Omit<ResponseStep, 'approvedBy' | 'at'>), approvedBy: event.actor.user, at: event.at };
  const active = { ...state.active };
  if (step.to === null) delete active[step.command];
  else {
    const prev = active[step.command];
    active[step.command] = { command: step.command, level: step.to, area: step.area, startedAt: prev?.startedAt ?? step.at, updatedAt: step.at, approvedBy: step.approvedBy };
  }
  return { active, history: [step, ...state.history].slice(0, RESPONSE_HISTORY_LIMIT) };
}

export const responsesSlice = defineSlice({ initial: initialResponses, reduce: reduceResponses });

/** The most serious level in force across every command, or null: the wall's banner follows it. */
export function highestResponse(state: ResponsesState): ActiveResponse | null {
  return Object.values(state.active).reduce<ActiveResponse | null>((best, r) => (r && (!best || r.level < best.level) ? r : best), null);
}

/** Pure rule: which action takes `from` to `to`, or why it may not. */
export function responseTransition(action: ResponseAction, from: ResponseLevel | null, to: ResponseLevel | null): string | null {
  switch (action) {
    case 'start':
      return from !== null ? 'a response is already in force for this command' : to === null ? 'level is required' : null;
    case 'raise':
      return from === null ? 'no response in force' : to === null || to >= from ? 'raising goes to a more serious level (a smaller number)' : null;
    case 'lower':
      return from === null ? 'no response in force' : to === null || to <= from ? 'lowering goes to a less serious level (a larger number)' : null;
    case 'end':
      return from === null ? 'no response in force' : null;
  }
}

const stepSchema = (withLevel: boolean) =>
  z.strictObject({
    command: responseCommandSchema,
    ...(withLevel ? { level: responseLevelSchema } : {}),
    area: z.string().trim().max(200).optional(),
    reason: z.string().trim().min(1, 'reason is empty').max(1000),
  });

function responseCommand(action: ResponseAction, summary: string) {
  return defineCommand({
    type: `response:${action}`,
    summary,
    payload: stepSchema(action !== 'end') as z.ZodType<{ command: ResponseCommand; level?: ResponseLevel; area?: string; reason: string }>,
    // Approval is the commander's (指挥长): the event's actor is who approved.
    roles: ['commander'],
    decide(state, p) {
      const current = state.responses.active[p.command];
      const from = current?.level ?? null;
      const to = action === 'end' ? null : (p.level ?? null);
      const refused = responseTransition(action, from, to);
      if (refused) throw new DomainError(action === 'start' || from === null ? 'conflict' : 'invalid', refused, action === 'start' || from === null ? 'command' : 'level');
      const area = p.area ?? current?.area ?? '全县';
      return { events: [{ type: 'response:changed', data: { command: p.command, action, from, to, area, reason: p.reason } }] };
    },
  });
}

export const responseCommands: CommandDef[] = [
  responseCommand('start', 'Start an emergency response level (启动应急响应)'),
  responseCommand('raise', 'Raise a response to a more serious level (提升响应)'),
  responseCommand('lower', 'Lower a response level (降低响应)'),
  responseCommand('end', 'End a response (终止响应)'),
] as CommandDef[];
