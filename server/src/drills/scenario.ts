import type { Role, WatchState } from '@watchfloor/shared';

/** What a step's payload may draw on when it is built, just before it is submitted. */
export interface StepContext {
  /** The id an earlier step's command answered, by that step's `as` name. */
  ref(name: string): string;
  /** The instant `minutes` scenario minutes after the drill started (ISO 8601). */
  time(minutes: number): string;
  /** The read model as it is now (to pick a village, a team, a shelter…). */
  state: WatchState;
}

/**
 * One thing that happens in a drill: at scenario minute `at`, this actor issues this command,
 * exactly as a person would through the console or the field page.
 */
export interface ScenarioStep {
  at: number;
  /** Who issues it; a function when that depends on the state (a team's leader, say). */
  actor: { user: string; role: Role } | ((ctx: StepContext) => { user: string; role: Role });
  type: string;
  payload: (ctx: StepContext) => unknown;
  /** Remember this step's result id under a name for later steps. */
  as?: string;
  /** For people reading the scenario and the drill log. */
  note?: string;
}

/** A drill scenario (演练脚本): a narrative played through the command path. */
export interface Scenario {
  name: string;
  title: string;
  summary: string;
  steps: ScenarioStep[];
}

export const defineScenario = (s: Scenario): Scenario => ({ ...s, steps: [...s.steps].sort((a, b) => a.at - b.at) });
