import type { HazardSummaryState, Township } from '@watchfloor/shared';

/** Per township: items, closed (验收销号) and the rectification rate (整改率 = closed / all). */
export interface TownshipRate {
  code: string;
  name: string;
  total: number;
  closed: number;
  overdue: number;
  rate: number;
}

/** Rates and overdue counts by township, from the summary's counts; townships without items left out. */
export function ratesByTownship(summary: Pick<HazardSummaryState, 'counts' | 'overdue'>, townships: readonly Township[]): TownshipRate[] {
  const by = new Map<string, TownshipRate>(townships.map((t) => [t.code, { code: t.code, name: t.name, total: 0, closed: 0, overdue: 0, rate: 0 }]));
  for (const [key, n] of Object.entries(summary.counts)) {
    const [code, , state] = key.split('|');
    const row = by.get(code!);
    if (!row) continue;
    row.total += n;
    if (state === 'closed') row.closed += n;
  }
  for (const [key, n] of Object.entries(summary.overdue)) {
    const row = by.get(key.split('|')[0]!);
    if (row) row.overdue += n;
  }
  return [...by.values()].filter((r) => r.total > 0).map((r) => ({ ...r, rate: r.closed / r.total }));
}

/** The whole county's rate, closed over all; 0 for an empty ledger. */
export function overallRate(summary: Pick<HazardSummaryState, 'counts'>): { total: number; closed: number; rate: number } {
  let total = 0;
  let closed = 0;
  for (const [key, n] of Object.entries(summary.counts)) {
    total += n;
    if (key.endsWith('|closed')) closed += n;
  }
  return { total, closed, rate: total === 0 ? 0 : closed / total };
}

/** Overdue items by kind, most first. */
export function overdueByKind(summary: Pick<HazardSummaryState, 'overdue'>): Array<{ kind: string; n: number }> {
  const by = new Map<string, number>();
  for (const [key, n] of Object.entries(summary.overdue)) {
    const kind = key.split('|')[1]!;
    by.set(kind, (by.get(kind) ?? 0) + n);
  }
  return [...by.entries()].map(([kind, n]) => ({ kind, n })).sort((a, b) => b.n - a.n);
}

/** Found and closed per day for the last `days` Beijing days up to `today` (YYYY-MM-DD), zeros filled. */
export function dailyTrend(summary: Pick<HazardSummaryState, 'daily'>, today: string, days: number): Array<{ day: string; found: number; closed: number }> {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    const d = summary.daily[day];
    return { day, found: d?.found ?? 0, closed: d?.closed ?? 0 };
  });
}
