import { cstText, type Incident, type Report, type ReportElements } from '@watchfloor/shared';

/** One version of a report as it went up (the current one, or an earlier one from its history). */
export interface DocumentVersion {
  version: number;
  elements: ReportElements;
  approvedBy: string | null;
  sentAt: string;
  sentBy: string;
  correctionReason: string | null;
}

const LEVEL_NAMES = { 1: '特别重大', 2: '重大', 3: '较大', 4: '一般' } as const;
const KIND_TITLES = { initial: '首报', final: '终报' } as const;
const CN_NUMBERS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 续报一 … 续报十, then digits: how the forms number follow-ups. */
export function reportTitle(kind: Report['kind'], number: number): string {
  if (kind !== 'follow-up') return KIND_TITLES[kind];
  return `续报${number <= 10 ? CN_NUMBERS[number] : String(number)}`;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The print-ready form a bureau files upward (突发事件信息报告): one A4 page, the required
 * elements in order, who signed it off and when it went up. Every value is escaped; the page
 * loads nothing and runs no script.
 */
export function reportDocumentHtml(bureau: string, incident: Incident, report: Report, v: DocumentVersion): string {
  const e = v.elements;
  const rows: Array<[string, string]> = [
    ['事件名称', incident.title],
    ['事件等级', `${LEVEL_NAMES[incident.level]}（${incident.level}级）`],
    ['接报时间', e.receivedAt],
    ['信息来源', e.source],
    ['事发时间', e.occurredAt],
    ['事发地点', e.place],
    ['事件性质及基本情况', e.nature],
    ['影响范围', e.scope],
    ['人员伤亡', `死亡 ${e.casualties.deaths} 人，受伤 ${e.casualties.injured} 人，失联 ${e.casualties.missing} 人`],
    ['转移安置', `${e.evacuated} 人`],
    ['投入救援队伍', `${e.teamsCommitted} 支`],
    ['发展趋势', e.trend],
    ['到场领导', e.leadersOnScene],
    ['已采取措施', e.actions],
    ['下一步工作', e.nextSteps],
    ['现场联系人及电话', e.contact],
    ...(e.changes ? ([['较上次报告变化', e.changes]] as Array<[string, string]>) : []),
    ...(v.correctionReason ? ([['更正说明', v.correctionReason]] as Array<[string, string]>) : []),
  ];
  const title = `${reportTitle(report.kind, report.number)}${v.version > 1 ? `（更正第${v.version - 1}次）` : ''}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`${incident.title} ${title}`)}</title>
<style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; color: #000; max-width: 180mm; margin: 0 auto; font-size: 12pt; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 0.2em; margin: 0 0 4mm; }
.meta { display: flex; justify-content: space-between; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; text-align: left; white-space: pre-wrap; }
th { width: 36mm; font-weight: normal; background: #f3f3f3; }
.sign { display: flex; justify-content: space-between; margin-top: 6mm; }
</style></head>
<body>
<h1>突发事件信息报告</h1>
<div class="meta"><span>报送单位：${escapeHtml(bureau)}</span><span data-kind="${report.kind}">${escapeHtml(title)}</span></div>
<table>
${rows.map(([k, val]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(val)}</td></tr>`).join('\n')}
</table>
<div class="sign"><span>签发：${escapeHtml(v.approvedBy ?? '')}</span><span>报送人：${escapeHtml(v.sentBy)}</span><span>报送时间：${escapeHtml(cstText(v.sentAt))}（北京时间）</span></div>
</body></html>`;
}
