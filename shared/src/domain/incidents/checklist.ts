import { cstIso } from '../../cst.js';
import { EMPTY_SITUATION, REQUIRED_ELEMENTS, type Incident, type Report, type ReportElements, type RequiredElement, type Situation } from './model.js';

/** The required elements (报告要素) a report still lacks, in form order. Empty: ready to approve. Pure. */
export function missingElements(report: Pick<Report, 'elements'>): RequiredElement[] {
  return REQUIRED_ELEMENTS.filter((key) => report.elements[key].trim() === '');
}

/** `YYYY-MM-DD HH:MM` in CST, as a report form writes times. */
export function cstText(iso: string): string {
  return cstIso(iso).slice(0, 16).replace('T', ' ');
}

/** How the desk learned of it, as the report form writes it. */
const SOURCE_NAMES: Record<string, string> = { phone: '电话', hotline: '热线', sms: '短信', fax: '传真', platform: '监测平台', township: '乡镇报告', 'walk-in': '来访', other: '其他' };

/** The elements an initial report starts from: what the desk recorded, the rest left to write. */
export function initialElements(incident: Pick<Incident, 'receivedAt' | 'source' | 'reportedBy' | 'occurredAt' | 'place' | 'summary' | 'situation'>): ReportElements {
  const s = incident.situation;
  return {
    receivedAt: cstText(incident.receivedAt),
    source: `${SOURCE_NAMES[incident.source] ?? incident.source}${incident.reportedBy ? `：${incident.reportedBy}` : ''}`,
    occurredAt: cstText(incident.occurredAt),
    place: incident.place,
    nature: incident.summary,
    scope: '',
    casualties: { deaths: s.deaths, injured: s.injured, missing: s.missing },
    evacuated: s.evacuated,
    teamsCommitted: s.teamsCommitted,
    trend: '',
    leadersOnScene: '',
    actions: '',
    nextSteps: '',
    contact: '',
    changes: '',
  };
}

const CHANGE_LABELS: Record<keyof Situation, string> = {
  deaths: '死亡',
  injured: '受伤',
  missing: '失联',
  evacuated: '转移群众',
  teamsCommitted: '投入救援队伍',
  rescuers: '投入救援人员',
};
const UNITS: Record<keyof Situation, string> = { deaths: '人', injured: '人', missing: '人', evacuated: '人', teamsCommitted: '支', rescuers: '人' };

/** What changed between two situations, as report sentences (`转移群众由40人增至139人`). Pure. */
export function situationChanges(before: Situation, after: Situation): string[] {
  return (Object.keys(CHANGE_LABELS) as Array<keyof Situation>)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${CHANGE_LABELS[k]}由${before[k]}${UNITS[k]}${after[k] > before[k] ? '增至' : '减至'}${after[k]}${UNITS[k]}`);
}

/** Titles of warnings in force, as the draft lists them; other slices are passed in, not imported. */
export interface DraftContext {
  warningsInForce: readonly string[];
}

/**
 * The next follow-up (续报) drafted from the record: the last sent report's elements, with the
 * counters as they stand now and a sentence for each that changed since it went up, plus the
 * warnings in force. For the officer to edit. Pure over the incident, its chain and the context.
 */
export function draftFollowUp(incident: Incident, lastSent: Report | null, context: DraftContext): ReportElements {
  const base = lastSent?.elements ?? initialElements(incident);
  const before = lastSent?.situationAtSend ?? EMPTY_SITUATION;
  const now = incident.situation;
  const changes = situationChanges(before, now);
  if (context.warningsInForce.length > 0) changes.push(`生效预警：${context.warningsInForce.join('；')}`);
  return {
    ...base,
    casualties: { deaths: now.deaths, injured: now.injured, missing: now.missing },
    evacuated: now.evacuated,
    teamsCommitted: now.teamsCommitted,
    changes: changes.length > 0 ? `${changes.join('；')}。` : '与上次报告相比无变化。',
  };
}
