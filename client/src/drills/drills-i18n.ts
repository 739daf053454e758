/** The console's drill desk (演练), one namespace, same keys in both languages. */
export const drillDeskZh = {
  nav: '演练',
  scenarios: '演练脚本',
  steps: '{n} 步 · 剧情 {minutes} 分钟',
  speed: '倍速',
  start: '开始演练',
  stop: '停止',
  running: '进行中',
  finished: '最近结束',
  progress: '{done} / {steps} 步',
  outcomes: { completed: '完成', stopped: '已停止', failed: '失败' },
  commanderOnly: '只有带班领导或管理员可以开始演练',
  none: '无',
};
export const drillDeskEn: typeof drillDeskZh = {
  nav: 'Drills',
  scenarios: 'Scenarios',
  steps: '{n} steps · {minutes} scenario minutes',
  speed: 'Speed',
  start: 'Start drill',
  stop: 'Stop',
  running: 'Running',
  finished: 'Recently finished',
  progress: '{done} / {steps} steps',
  outcomes: { completed: 'Completed', stopped: 'Stopped', failed: 'Failed' },
  commanderOnly: 'Only the leader on duty or an admin may start a drill',
  none: 'None',
};
