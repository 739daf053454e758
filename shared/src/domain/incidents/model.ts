import { z } from 'zod';
import { lonLatSchema } from '../region.js';
import { DUTY_LOG_SOURCES } from '../duty-log.js';
import { INCIDENT_LEVELS, type IncidentLevel } from './deadlines.js';

/** Kinds of incident (突发事件类别) the desk records. */
export const INCIDENT_TYPES = ['natural-disaster', 'geological', 'flood', 'forest-fire', 'accident', 'hazardous-chemicals', 'mine', 'public-health', 'social-security', 'other'] as const;
export const incidentTypeSchema = z.enum(INCIDENT_TYPES);
export type IncidentType = z.infer<typeof incidentTypeSchema>;

export const incidentLevelSchema = z.union(INCIDENT_LEVELS.map((l) => z.literal(l)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>, z.ZodLiteral<4>]);

const count = z.number().int().min(0).max(1_000_000);
const text = (max: number) => z.string().trim().max(max);

/** The situation as the desk knows it now; updated by `incident:update-situation`. */
export const situationSchema = z.strictObject({
  deaths: count,
  injured: count,
  missing: count,
  /** People evacuated (转移人数). */
  evacuated: count,
  /** Rescue teams committed (投入救援队伍). */
  teamsCommitted: count,
  /** People committed (投入救援人员). */
  rescuers: count,
});
export type Situation = z.infer<typeof situationSchema>;
export const EMPTY_SITUATION: Situation = { deaths: 0, injured: 0, missing: 0, evacuated: 0, teamsCommitted: 0, rescuers: 0 };

export const recordIncidentSchema = z.strictObject({
  title: text(100).min(1, 'title is empty'),
  type: incidentTypeSchema,
  level: incidentLevelSchema,
  place: text(200).min(1, 'place is empty'),
  location: lonLatSchema.optional(),
  townshipCode: z.string().regex(/^\d{12}$/, 'a 12-digit township code').optional(),
  occurredAt: z.iso.datetime({ offset: true }),
  /** When the desk learned of it; the clocks run from here. Defaults to now. */
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  source: z.enum(DUTY_LOG_SOURCES),
  /** Who reported it (单位/姓名/电话). */
  reportedBy: text(100).optional(),
  summary: text(2000).min(1, 'summary is empty'),
});
export type RecordIncident = z.input<typeof recordIncidentSchema>;

/**
 * The required elements of a report (报告要素). Strings are empty until written; casualties
 * are the counts as stated in the report.
 */
export const reportElementsSchema = z.strictObject({
  receivedAt: text(40),
  source: text(200),
  occurredAt: text(40),
  place: text(200),
  /** 事件性质: what happened. */
  nature: text(2000),
  /** 影响范围. */
  scope: text(2000),
  casualties: z.strictObject({ deaths: count, injured: count, missing: count }),
  evacuated: count,
  teamsCommitted: count,
  /** 发展趋势. */
  trend: text(2000),
  /** 到场领导. */
  leadersOnScene: text(500),
  /** 已采取措施. */
  actions: text(4000),
  /** 下一步工作. */
  nextSteps: text(2000),
  /** 现场联系人及电话. */
  contact: text(200),
  /** What changed since the previous report (续报). */
  changes: text(2000),
});
export type ReportElements = z.infer<typeof reportElementsSchema>;

/** Elements every report must have before it is approved, in form order. */
export const REQUIRED_ELEMENTS = ['receivedAt', 'source', 'occurredAt', 'place', 'nature', 'scope', 'trend', 'leadersOnScene', 'actions', 'nextSteps', 'contact'] as const;
export type RequiredElement = (typeof REQUIRED_ELEMENTS)[number];

export const REPORT_KINDS = ['initial', 'follow-up', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['draft', 'approved', 'sent'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A sent version kept when a correction supersedes it. */
export interface ReportVersion {
  version: number;
  elements: ReportElements;
  approvedBy: string | null;
  sentAt: string;
  sentBy: string;
  correctionReason: string | null;
}

export interface Report {
  id: string;
  incidentId: string;
  kind: ReportKind;
  /** 1 for the initial and the final report; N for 续报N. */
  number: number;
  version: number;
  status: ReportStatus;
  elements: ReportElements;
  /** Null for the final report, which has no statutory clock. */
  dueAt: string | null;
  draftedBy: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  sentAt: string | null;
  sentBy: string | null;
  /** The situation counters when it was sent: the base of the next follow-up's changes. */
  situationAtSend: Situation | null;
  /** When it fell overdue and went to the leader on duty (once). */
  escalatedAt: string | null;
  escalatedTo: string | null;
  /** Why this version corrects the previous one. */
  correctionReason: string | null;
  /** Earlier sent versions, oldest first. */
  history: ReportVersion[];
}

export interface Incident {
  id: string;
  title: string;
  type: IncidentType;
  level: IncidentLevel;
  place: string;
  location: [number, number] | null;
  townshipCode: string | null;
  occurredAt: string;
  receivedAt: string;
  source: (typeof DUTY_LOG_SOURCES)[number];
  reportedBy: string | null;
  summary: string;
  recordedBy: string;
  /** The deadline table and level the clocks ran at. */
  tableId: string;
  clockedLevel: IncidentLevel;
  phoneDueAt: string | null;
  phonedAt: string | null;
  phoneEscalatedAt: string | null;
  situation: Situation;
  situationUpdatedAt: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  /** The chain, in order: initial, follow-ups, final. */
  reportIds: string[];
}

/** One report's line in `GET /api/incidents`. */
export interface ReportSummary {
  id: string;
  kind: ReportKind;
  number: number;
  status: ReportStatus;
  version: number;
  dueAt: string | null;
  sentAt: string | null;
  escalatedAt: string | null;
}
