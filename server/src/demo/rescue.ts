/**
 * The demo's rescue side: teams, shelters, supplies warehouses and the evacuation plan of the
 * villages at risk, as commands for the same path real data takes (`team:register`,
 * `shelter:register`, `supply:register-warehouse`, `evacuation:plan`). Placed in the demo
 * county's own townships and villages, deterministic (seeded streams, never an unseeded random source).
 *
 * Scale from the domain notes: one county keeps 21 county-level and 15 township teams; here
 * 8 county-level teams and one per township. The scenario of the night of 9 October (a
 * mountainside cracking above two villages of 青石镇, 59 households / 139 people moved to a
 * temporary shelter) is the first part of the evacuation plan.
 */
import type { RegionDefined, RegisterTeam, SupplyItem, TeamKind, Village } from '@watchfloor/shared';
import type { DemoCommand } from './seed.js';
import { intBetween, rngFor, uniform, type Rng } from './prng.js';
import { DEMO_SEED } from './world.js';

const COUNTY_TEAMS: Array<{ id: string; name: string; kind: TeamKind; headcount: [number, number]; equipment: Array<[string, number]>; accounts?: string[] }> = [
  { id: 'team-county-rescue', name: '县综合应急救援大队', kind: 'fire-rescue', headcount: [40, 50], equipment: [['抢险救援车', 3], ['冲锋舟', 2], ['生命探测仪', 2], ['破拆工具组', 4]], accounts: ['team'] },
  { id: 'team-county-fire', name: '县消防救援大队', kind: 'fire-rescue', headcount: [35, 45], equipment: [['水罐消防车', 4], ['举高喷射车', 1], ['救援三脚架', 2]] },
  { id: 'team-county-flood', name: '县防汛抢险突击队', kind: 'flood', headcount: [50, 70], equipment: [['冲锋舟', 6], ['橡皮艇', 8], ['大功率水泵', 6], ['发电机', 4]] },
  { id: 'team-county-forest', name: '县森林消防专业队', kind: 'forest-fire', headcount: [25, 35], equipment: [['风力灭火机', 20], ['高压细水雾灭火机', 6], ['运兵车', 2]] },
  { id: 'team-county-mine', name: '县矿山救护队', kind: 'mine-rescue', headcount: [20, 28], equipment: [['正压氧气呼吸器', 24], ['气体检测仪', 6], ['矿山救护车', 2]] },
  { id: 'team-county-hazmat', name: '县危化品应急救援队', kind: 'hazmat', headcount: [18, 24], equipment: [['防化服', 20], ['侦检仪器', 4], ['洗消帐篷', 1]] },
  { id: 'team-county-geo', name: '县地质灾害应急抢险队', kind: 'flood', headcount: [20, 30], equipment: [['挖掘机', 2], ['无人机', 2], ['裂缝监测仪', 6]] },
  { id: 'team-county-volunteer', name: '县蓝天救援队', kind: 'volunteer', headcount: [30, 40], equipment: [['越野车', 5], ['冲锋舟', 2], ['无人机', 3]] },
];

const LEADER_SURNAMES = [...'张王李刘陈杨黄赵周吴徐孙胡谭覃向冉田'];
const LEADER_GIVEN = ['建军', '国强', '志刚', '海波', '小平', '德明', '红军', '永胜', '春林', '学文', '大勇', '光荣'];

const leader = (rng: Rng) => `${LEADER_SURNAMES[intBetween(rng, 0, LEADER_SURNAMES.length - 1)]}${LEADER_GIVEN[intBetween(rng, 0, LEADER_GIVEN.length - 1)]}`;
const mobile = (rng: Rng) => `13${intBetween(rng, 0, 9)}${String(intBetween(rng, 0, 99_999_999)).padStart(8, '0')}`;
/** A point a few hundred metres from `c`, so bases in one town do not sit on one pixel. */
const near = (rng: Rng, c: [number, number], spread = 0.006): [number, number] => [
  Math.round((c[0] + uniform(rng, -spread, spread)) * 1e6) / 1e6,
  Math.round((c[1] + uniform(rng, -spread, spread)) * 1e6) / 1e6,
];

/** The township where the night of 9 October happens, and its two threatened villages. */
export const SCENARIO_TOWNSHIP = '青石镇';
export const SCENARIO_SHELTER_ID = 'shelter-qingshi-school';

export function buildDemoRescue(region: RegionDefined, seed = DEMO_SEED): { standing: DemoCommand[]; plans: DemoCommand[] } {
  const rng = rngFor(seed, 'rescue');
  const seat = region.county.center;
  const standing: DemoCommand[] = [];

  for (const t of COUNTY_TEAMS) {
    const payload: RegisterTeam = {
      id: t.id, name: t.name, kind: t.kind, level: 'county', headcount: intBetween(rng, ...t.headcount), leader: leader(rng), phone: mobile(rng),
      equipment: t.equipment.map(([name, count]) => ({ name, count })), base: { name: `${t.name}驻地`, lonLat: near(rng, seat, 0.02) }, accounts: t.accounts ?? [],
    };
    standing.push({ type: 'team:register', payload });
  }
  region.townships.forEach((tw, i) => {
    const payload: RegisterTeam = {
      id: `team-township-${tw.code}`, name: `${tw.name}应急救援队`, kind: 'township', level: 'township', townshipCode: tw.code,
      headcount: intBetween(rng, 15, 30), leader: leader(rng), phone: mobile(rng),
      equipment: [{ name: '巡查摩托', count: intBetween(rng, 2, 6) }, { name: '对讲机', count: intBetween(rng, 6, 12) }, ...(i % 3 === 0 ? [{ name: '橡皮艇', count: 2 }] : [])],
      base: { name: `${tw.name}政府`, lonLat: near(rng, tw.center, 0.003) }, accounts: [],
    };
    standing.push({ type: 'team:register', payload });
  });

  // A central shelter in every town (镇) seat: the school or the township hall.
  const towns = region.townships.filter((t) => t.name.endsWith('镇'));
  for (const tw of towns) {
    const scenario = tw.name === SCENARIO_TOWNSHIP;
    standing.push({
      type: 'shelter:register',
      payload: {
        id: scenario ? SCENARIO_SHELTER_ID : `shelter-${tw.code}`,
        name: scenario ? `${tw.name}中心小学临时安置点` : `${tw.name}避灾安置点`,
        townshipCode: tw.code, lonLat: near(rng, tw.center, 0.002), capacity: intBetween(rng, 20, 60) * 10,
        contact: leader(rng), phone: mobile(rng), open: scenario,
      },
    });
  }

  const stock = (scale: number): Array<{ item: SupplyItem; quantity: number }> => [
    { item: 'tent', quantity: intBetween(rng, 60, 120) * scale },
    { item: 'cotton-coat', quantity: intBetween(rng, 150, 300) * scale },
    { item: 'quilt', quantity: intBetween(rng, 150, 300) * scale },
    { item: 'folding-bed', quantity: intBetween(rng, 80, 160) * scale },
    { item: 'sandbag', quantity: intBetween(rng, 3, 6) * 1000 * scale },
    { item: 'life-jacket', quantity: intBetween(rng, 100, 200) * scale },
    { item: 'pump', quantity: intBetween(rng, 4, 10) * scale },
    { item: 'generator', quantity: intBetween(rng, 2, 5) * scale },
    { item: 'drinking-water', quantity: intBetween(rng, 60, 150) * scale },
    { item: 'instant-food', quantity: intBetween(rng, 60, 150) * scale },
  ];
  standing.push({ type: 'supply:register-warehouse', payload: { id: 'wh-county', name: '县应急物资储备库', lonLat: near(rng, seat, 0.01), keeper: leader(rng), phone: mobile(rng), stock: stock(4) } });
  for (const name of [SCENARIO_TOWNSHIP, '龙潭乡']) {
    const tw = region.townships.find((t) => t.name === name);
    if (!tw) continue;
    // Township points hold little: some items sit at or under their low mark from the start.
    standing.push({ type: 'supply:register-warehouse', payload: { id: `wh-${tw.code}`, name: `${tw.name}物资储备点`, townshipCode: tw.code, lonLat: near(rng, tw.center, 0.003), keeper: leader(rng), phone: mobile(rng), stock: stock(1).map((l) => ({ ...l, quantity: Math.max(1, Math.round(l.quantity / 4)) })) } });
  }

  const plans: DemoCommand[] = [];
  const villagesOf = (name: string): Village[] => {
    const tw = region.townships.find((t) => t.name === name);
    return tw ? region.villages.filter((v) => v.townshipCode === tw.code) : [];
  };
  // The night of 9 October: two villages under the cracked slope, 59 households / 139 people in all.
  const [a, b] = villagesOf(SCENARIO_TOWNSHIP);
  if (a && b) {
    plans.push({ type: 'evacuation:plan', payload: { villageCode: a.code, hazardRef: 'hz-qingshi-crack', hazardLabel: '后山山体裂缝', households: 34, people: 81, shelterId: SCENARIO_SHELTER_ID } });
    plans.push({ type: 'evacuation:plan', payload: { villageCode: b.code, hazardRef: 'hz-qingshi-crack', hazardLabel: '后山山体裂缝', households: 25, people: 58, shelterId: SCENARIO_SHELTER_ID } });
  }
  // Flood season: the low-lying households of the villages below 龙潭水库.
  for (const v of villagesOf('龙潭乡').slice(0, 6)) {
    const households = Math.max(3, Math.round(v.households * uniform(rng, 0.03, 0.08)));
    const people = Math.min(v.population, Math.round(households * uniform(rng, 2.4, 3.2)));
    plans.push({ type: 'evacuation:plan', payload: { villageCode: v.code, households, people } });
  }
  return { standing, plans };
}
