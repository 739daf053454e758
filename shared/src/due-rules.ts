import type { DueRule } from './due.js';
import { warningDueRules } from './domain/warnings/index.js';
import { hazardOverdueRule } from './domain/hazards/index.js';
import { reportEscalationRule } from './domain/incidents/index.js';
import { dailyReportChaseRule } from './domain/daily-reports/index.js';

/** Every domain's time-driven rules. Adding one is one line here. */
export const DUE_RULES: readonly DueRule[] = [...warningDueRules, hazardOverdueRule, reportEscalationRule, dailyReportChaseRule];
