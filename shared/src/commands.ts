import type { CommandDef } from './command.js';
import { drillCommands } from './domain/drills.js';
import { dutyLogCommands } from './domain/duty-log.js';
import { regionCommands } from './domain/region.js';
import { shiftCommands } from './domain/shifts.js';
import { rosterCommands } from './domain/roster.js';
import { dispatchCommands } from './domain/dispatch/index.js';
import { evacuationCommands } from './domain/evacuation/index.js';
import { shelterCommands } from './domain/shelters/index.js';
import { supplyCommands } from './domain/supplies/index.js';
import { teamCommands } from './domain/teams/index.js';
import { hazardCommands } from './domain/hazards/index.js';
import { incidentCommands } from './domain/incidents/index.js';
import { dailyReportCommands } from './domain/daily-reports/index.js';
import { handoverCommands } from './domain/handover/index.js';
import { alarmCommands, responseCommands, warningCommands } from './domain/warnings/index.js';

/**
 * Every command the system accepts, by type. Anything else is refused as unknown.
 * Adding a domain is one line here: its list of commands.
 */
export const COMMANDS: ReadonlyMap<string, CommandDef> = new Map(
  [...regionCommands, ...dutyLogCommands, ...shiftCommands, ...rosterCommands, ...warningCommands, ...responseCommands, ...alarmCommands, ...drillCommands, ...teamCommands, ...dispatchCommands, ...evacuationCommands, ...shelterCommands, ...supplyCommands, ...hazardCommands, ...incidentCommands, ...dailyReportCommands, ...handoverCommands].map((c) => [c.type, c]),
);
