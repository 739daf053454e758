import type { Scenario } from '../scenario.js';
import { floodDay } from './flood-day.js';
import { landslideNight } from './landslide-night.js';

/** The drills shipped with Watchfloor. Adding one is one line here. */
export const SCENARIOS: readonly Scenario[] = [landslideNight, floodDay];
