import { describe, expect, it } from 'vitest';
import { draftFollowUp, initialElements, missingElements, situationChanges } from './checklist.js';
import { EMPTY_SITUATION, type Incident, type Report, type ReportElements } from './model.js';

const incident: Incident = {
  id: 'inc_1', title: '青石镇山体开裂', type: 'geological', level: 3, place: '青石镇石门村后山', location: [111.1, 30.2], townshipCode: null,
  occurredAt: '2024-10-09T12:00:00.000Z', receivedAt: '2024-10-09T12:05:00.000Z', source: 'township', reportedBy: '青石镇应急办 王建国', summary: '后山出现裂缝，随时可能滑坡',
  recordedBy: 'duty', tableId: 'national', clockedLevel: 3, phoneDueAt: null, phonedAt: null, phoneEscalatedAt: null,
  situation: { ...EMPTY_SITUATION, evacuated: 139, teamsCommitted: 6 }, situationUpdatedAt: '', status: 'open', closedAt: null, reportIds: [],
};
const complete: ReportElements = {
  ...initialElements(incident), scope: '石门村、桥头村两村', trend: '裂缝仍在扩大', leadersOnScene: '县长 李明', actions: '启动转移预案', nextSteps: '持续监测', contact: '王建国 13800000000',
};

describe('missingElements', () => {
  it('lists what an initial report still lacks, in form order', () => {
    expect(missingElements({ elements: initialElements(incident) })).toEqual(['scope', 'trend', 'leadersOnScene', 'actions', 'nextSteps', 'contact']);
  });
  it('is empty for a complete report', () => expect(missingElements({ elements: complete })).toEqual([]));
  it('treats whitespace as missing', () => expect(missingElements({ elements: { ...complete, contact: '   ' } })).toEqual(['contact']));
  it('writes the received and occurred times in CST', () => {
    expect(initialElements(incident).occurredAt).toBe('2024-10-09 20:00');
    expect(initialElements(incident).receivedAt).toBe('2024-10-09 20:05');
  });
});

describe('draftFollowUp', () => {
  const sent: Report = {
    id: 'rep_1', incidentId: 'inc_1', kind: 'initial', number: 1, version: 1, status: 'sent', elements: complete, dueAt: null, draftedBy: 'duty', updatedAt: '',
    approvedBy: 'commander', approvedAt: '', sentAt: '', sentBy: 'duty', situationAtSend: { ...EMPTY_SITUATION, evacuated: 40, teamsCommitted: 6 },
    escalatedAt: null, escalatedTo: null, correctionReason: null, history: [],
  };
  it('carries the counters as they stand and says what changed since the last report', () => {
    const d = draftFollowUp(incident, sent, { warningsInForce: [] });
    expect(d.evacuated).toBe(139);
    expect(d.changes).toBe('转移群众由40人增至139人。');
    expect(d.trend).toBe('裂缝仍在扩大');
  });
  it('lists the warnings in force', () => {
    expect(draftFollowUp(incident, sent, { warningsInForce: ['暴雨橙色预警'] }).changes).toContain('生效预警：暴雨橙色预警');
  });
  it('says so when nothing changed', () => {
    expect(draftFollowUp({ ...incident, situation: sent.situationAtSend! }, sent, { warningsInForce: [] }).changes).toBe('与上次报告相比无变化。');
  });
  it('words decreases', () => expect(situationChanges({ ...EMPTY_SITUATION, missing: 3 }, { ...EMPTY_SITUATION, missing: 1 })).toEqual(['失联由3人减至1人']));
});
