import type { CommandDef } from './command.js';
import { drillCommands } from './domain/drills.js';
import { dutyLogCommands } from './domain/duty-log.js';
import { regionCommands } from './domain/region.js';
import { shiftCommands } from './domain/shifts.js';

/**
 * Every command the system accepts, by type. Anything else is refused as unknown.
 * Adding a domain is one line here: its list of commands.
 */
export const COMMANDS: ReadonlyMap<string, CommandDef> = new Map(
  [...regionCommands, ...dutyLogCommands, ...shiftCommands, ...drillCommands].map((c) => [c.type, c]),
);
