import type { Report } from '@watchfloor/shared';

/**
 * Opens the print-ready form of a sent report in a new tab. The document route needs the
 * bearer token, which a plain link cannot carry: fetch it, then show it from a blob URL.
 */
export async function openReportDocument(report: Report, token: string | null): Promise<void> {
  const tab = window.open('', '_blank');
  const res = await fetch(`/api/incidents/${encodeURIComponent(report.incidentId)}/reports/${encodeURIComponent(report.id)}/document`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const html = await res.text();
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  // The tab has loaded it by then; the URL need not outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
