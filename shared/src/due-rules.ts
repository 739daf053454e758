import type { DueRule } from './due.js';

/** Every domain's time-driven rules. Adding one is one line here. */
export const DUE_RULES: readonly DueRule[] = [];
