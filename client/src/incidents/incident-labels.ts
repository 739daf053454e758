import type { OpenDeadline, Report } from '@watchfloor/shared';

type T = (key: string, params?: Record<string, unknown>) => string;

/** 首报 / 续报2 / 终报 in the UI language. */
export const reportLabel = (t: T, r: Pick<Report, 'kind' | 'number'>): string => t(`incidents.kinds.${r.kind}`, { n: r.number });

/** The label of an open deadline: the phone report, or the report it is for. */
export function deadlineLabel(t: T, d: OpenDeadline, reports: Record<string, Report>): string {
  if (d.what === 'phone' || !d.reportId) return t('incidents.phone');
  const r = reports[d.reportId];
  return r ? reportLabel(t, r) : '';
}
