/**
 * Name pools for the fictional demo county 示范县: townships, villages, rivers and the people on
 * the duty roster. Every name is made up from common place-name parts of the mountainous south
 * west of Hubei and Chongqing; any likeness to a real place or person is chance. The pools are
 * constant, and the generators draw from them with a seeded stream, so the names are deterministic.
 */
import { pick, type Rng } from './prng.js';

/** The demo county: a fictional six-digit code (42 is Hubei; 99xx is unused there). */
export const DEMO_COUNTY = { code: '429901', name: '示范县' } as const;

/** The town that seats the county government: on the main river, near the middle. */
export const COUNTY_SEAT_TOWNSHIP = '城关镇';
/** The township below the demo's reservoir (龙潭水库 on 龙潭河). */
export const RESERVOIR_TOWNSHIP = '龙潭乡';
/** The main river across the county. */
export const MAIN_RIVER = '清江';

/** Other towns (镇); eight of them are drawn. */
export const TOWN_POOL = ['青石镇', '白杨镇', '石门镇', '高坪镇', '马鞍镇', '茶园镇', '柳林镇', '红岩镇', '官庄镇', '板桥镇'] as const;
/** Other rural townships (乡); five of them are drawn. */
export const XIANG_POOL = ['金竹乡', '云台乡', '黄柏乡', '桃源乡', '三岔乡', '杉木乡', '鹰嘴乡'] as const;

/** The name without its 镇/乡 suffix: 龙潭乡 → 龙潭 (rivers and reservoirs are named after it). */
export function stem(townshipName: string): string {
  return townshipName.replace(/[镇乡]$/, '');
}

const SURNAMES = [...'张王李刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓彭苏蒋田向谭覃冉龚'];
/** Landform endings of mountain village names: bay, flat, slope, ridge, gully, pass, dam, cliff… */
const LANDFORMS = [...'湾坪坡岭沟垭坝冲岩溪台院塘槽包'];
const FEATURES = [
  '青龙', '白果', '杉木', '茶园', '竹园', '桃花', '梨子', '核桃', '金鸡', '凉水', '黄泥', '石板', '大树', '松林', '板栗',
  '油坊', '磨子', '观音', '龙洞', '水井', '枫香', '楠木', '柏树', '黑龙', '红花', '高桥', '双龙', '牛角', '天池', '铁炉',
  '银杏', '兰草', '漆树', '麻柳', '火烧', '岩屋', '花桥', '狮子', '檀木', '椿树',
];
const NUMBERS = [...'二三四五六七八九'];
const NUMBER_LINKS = [...'里道岔'];

/** One candidate village name (with 村). Callers keep drawing until it is unused. */
export function villageName(rng: Rng): string {
  const r = rng();
  if (r < 0.45) return `${pick(rng, SURNAMES)}家${pick(rng, LANDFORMS)}村`;
  if (r < 0.9) return `${pick(rng, FEATURES)}${pick(rng, LANDFORMS)}村`;
  return `${pick(rng, NUMBERS)}${pick(rng, NUMBER_LINKS)}${pick(rng, LANDFORMS)}村`;
}

/** Leaders on duty (带班领导), one per day in turn. */
export const DUTY_LEADERS = ['王建国', '李卫东', '张红梅', '刘志强', '陈光明'] as const;
/** Duty officers (值班员), two per shift in turn. An odd count makes the pairs rotate. */
export const DUTY_OFFICERS = ['赵晓明', '孙丽华', '周海涛', '吴静', '郑伟', '马骏', '胡秀英', '郭磊', '何晓燕'] as const;
