import { z } from 'zod';

/**
 * Who a user is to the system. One role per account.
 * - `duty`: duty officer (值班员), logs calls and writes reports.
 * - `commander`: leader on duty / commander (带班领导 / 指挥长), decides and approves.
 * - `reporter`: township or department reporter (乡镇 / 部门信息员).
 * - `team`: a rescue team's field device (队伍终端).
 * - `wall`: the read-only big screen (大屏); its credential never expires and never writes.
 * - `admin`: system administrator.
 */
export const ROLES = ['duty', 'commander', 'reporter', 'team', 'wall', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that may never issue a command, whatever a command's own list says. */
export const READ_ONLY_ROLES: readonly Role[] = ['wall'];
