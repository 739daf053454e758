import type { Scenario } from '../scenario.js';

/** The drills shipped with Watchfloor. Adding one is one line here. */
export const SCENARIOS: readonly Scenario[] = [];
