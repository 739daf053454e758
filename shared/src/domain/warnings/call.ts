/**
 * Call-and-confirm (叫应): an orange or red warning that touches the county calls on the
 * responsible people of its area (county, township and village level); each must confirm
 * receipt within a set time, and the overdue ones escalate to the leader on duty.
 */
import type { DraftEvent } from '../../journal.js';
import type { WatchState } from '../../state.js';
import type { RegionState } from '../region.js';
import { areaContains } from './area.js';
import { isSevereColour } from './kinds.js';
import type { CallList, CallPerson, Warning } from './model.js';

/** Default time a responsible person has to confirm receipt, in ms (5 minutes). */
export const CALL_CONFIRM_WITHIN_MS = 5 * 60 * 1000;

/**
 * The demo field account that stands for the township-level responsible people (乡镇信息员): it
 * may confirm for them on the field page. Real deployments bind accounts per person.
 */
export const TOWNSHIP_CALL_ACCOUNT = 'reporter';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['建国', '国强', '志明', '秀英', '桂兰', '海燕', '文华', '春梅', '永红', '德明', '晓东', '丽华', '建军', '玉兰', '红梅', '立新', '卫东', '淑珍', '志刚', '小平', '金凤', '继承', '明亮', '俊峰'];

/** FNV-1a over the code: the same region code always gives the same person. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A deterministic name for the responsible person of a region unit (no randomness, no lookup). */
export function responsibleName(code: string): string {
  const h = hash(code);
  return `${SURNAMES[h % SURNAMES.length]}${GIVEN[(h >>> 8) % GIVEN.length]}`;
}

/**
 * The responsible people for an area: every village whose centre lies inside, its township,
 * and the county. Empty when no village of the county is in the area (the alert is elsewhere).
 */
export function responsiblePeople(region: RegionState, warning: Pick<Warning, 'area'>): Array<Omit<CallPerson, 'confirmedAt' | 'channel' | 'confirmedBy' | 'escalatedAt'>> {
  if (!region.county) return [];
  const villages = Object.values(region.villages)
    .filter((v) => areaContains(warning.area, v.center))
    .sort((a, b) => a.code.localeCompare(b.code));
  if (villages.length === 0) return [];
  const townshipCodes = [...new Set(villages.map((v) => v.townshipCode))].sort();
  const county = region.county;
  return [
    { id: `county-${county.code}`, name: responsibleName(county.code), level: 'county' as const, regionCode: county.code, regionName: county.name, account: null },
    ...townshipCodes.map((code) => ({
      id: `township-${code}`,
      name: responsibleName(code),
      level: 'township' as const,
      regionCode: code,
      regionName: region.townships[code]?.name ?? code,
      account: TOWNSHIP_CALL_ACCOUNT,
    })),
    ...villages.map((v) => ({ id: `village-${v.code}`, name: responsibleName(v.code), level: 'village' as const, regionCode: v.code, regionName: v.name, account: null })),
  ];
}

/** The call list for a warning that has just become orange or red, or null when none is due. */
export function callListFor(region: RegionState, warning: Warning, now: string, withinMs = CALL_CONFIRM_WITHIN_MS): CallList | null {
  if (warning.call || !isSevereColour(warning.colour)) return null;
  const people = responsiblePeople(region, warning);
  if (people.length === 0) return null;
  return {
    listedAt: now,
    deadline: new Date(Date.parse(now) + withinMs).toISOString(),
    people: people.map((p) => ({ ...p, confirmedAt: null, channel: null, confirmedBy: null, escalatedAt: null })),
    escalatedTo: null,
  };
}

/** People of a call list past the deadline who have neither confirmed nor been escalated. */
export function overduePeople(call: CallList, now: Date): CallPerson[] {
  if (now.getTime() < Date.parse(call.deadline)) return [];
  return call.people.filter((p) => !p.confirmedAt && !p.escalatedAt);
}

/** How many have not confirmed yet. */
export const unconfirmedCount = (call: CallList | null): number => (call ? call.people.filter((p) => !p.confirmedAt).length : 0);

/** The 叫应 list an issued or updated warning now needs, as an event (or nothing). */
export function callEventFor(state: WatchState, w: Warning, now: string): DraftEvent[] {
  const call = callListFor(state.region, w, now);
  return call ? [{ type: 'call:listed', data: { warningId: w.id, call } }] : [];
}
