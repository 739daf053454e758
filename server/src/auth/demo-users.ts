import type { Role } from '@watchfloor/shared';

/** The demo accounts, one per role, all with the password "demo" (demo mode only). */
export const DEMO_USERS: ReadonlyArray<{ username: string; role: Role; displayName: string }> = [
  { username: 'duty', role: 'duty', displayName: '值班员 李明' },
  { username: 'commander', role: 'commander', displayName: '带班领导 王建国' },
  { username: 'reporter', role: 'reporter', displayName: '青石镇信息员' },
  { username: 'team', role: 'team', displayName: '县综合应急救援大队' },
  { username: 'wall', role: 'wall', displayName: '指挥大厅大屏' },
  { username: 'admin', role: 'admin', displayName: '系统管理员' },
];

export const DEMO_PASSWORD = 'demo';
