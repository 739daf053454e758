/**
 * The demo county's hazard registry (隐患点 / 隐患台账): a few hundred mapped natural-hazard
 * points in its villages and a few thousand enterprise ledger items at every stage of the closed
 * loop, as one `hazard:import` through the same command path as a real ledger file.
 *
 * A pure function of the seed and `now`: every draw from its own seeded stream, times relative to
 * `now` (found over the last 90 days), so the demo always shows a campaign in progress with some
 * items overdue and some under listed supervision.
 */
import {
  ENTERPRISE_HAZARD_KINDS,
  NATURAL_HAZARD_KINDS,
  type HazardRecordInput,
  type HazardState,
  type RegionDefined,
  type RiskLevel,
} from '@watchfloor/shared';
import { intBetween, pick, rngFor, uniform, type Rng } from './prng.js';

const NATURAL_POINTS = 320;
const LEDGER_ITEMS = 2600;
const DAY_MS = 86_400_000;

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '罗'];
const GIVEN = ['建国', '志强', '海燕', '明', '丽', '伟', '秀英', '国华', '春梅', '德明', '永红', '俊', '桂兰', '成', '小平'];
const NATURAL_WORDS: Record<(typeof NATURAL_HAZARD_KINDS)[number], string> = {
  'flash-flood': '山洪沟',
  landslide: '滑坡',
  collapse: '崩塌',
  'debris-flow': '泥石流沟',
  'ground-subsidence': '地面塌陷',
  'forest-fire': '林区火险点',
  'dangerous-slope': '切坡建房危险边坡',
  'low-lying-houses': '低洼易涝危房',
  waterlogging: '内涝点',
  'dam-risk': '堤防险段',
};
const FIRMS: Record<(typeof ENTERPRISE_HAZARD_KINDS)[number], [string, string[]]> = {
  'coal-mine': ['煤矿', ['通风系统风量不足', '瓦斯监测探头未校验', '井下避险设施缺失']],
  'non-coal-mine': ['石料厂', ['边坡台阶超高', '爆破器材管理不规范', '排土场无截洪沟']],
  'tailings-dam': ['尾矿库', ['浸润线超标', '排洪设施淤堵', '在线监测中断']],
  'hazardous-chemicals': ['化工有限公司', ['储罐区可燃气体报警器失效', '重大危险源未包保', '动火作业票证不全']],
  fireworks: ['烟花爆竹批发部', ['仓库超量储存', '防雷设施未检测']],
  gas: ['燃气站', ['管道被占压', '用户软管老化', '调压箱无防护']],
  construction: ['建设项目', ['深基坑无监测', '塔吊限位失效', '高支模未论证']],
  'special-equipment': ['有限公司', ['电梯超期未检', '压力容器安全阀失效', '叉车司机无证']],
};
const MEASURES = ['设置警示标志并落实专人监测', '削坡减载、修建截排水沟', '停产整顿、更换设备', '搬迁避让', '加固处理并复核验收', '完善制度、开展培训'];
const RISKS: RiskLevel[] = ['major', 'high', 'high', 'medium', 'medium', 'medium', 'low', 'low'];

const person = (rng: Rng) => pick(rng, SURNAMES) + pick(rng, GIVEN);
const phone = (rng: Rng) => `1${pick(rng, ['38', '39', '58', '77', '89'])}${String(intBetween(rng, 0, 99_999_999)).padStart(8, '0')}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** Where a campaign's items stand: most closed, some in rectification, a few awaiting acceptance. */
function stateFor(rng: Rng, ageDays: number): HazardState {
  const x = rng();
  if (ageDays < 3) return x < 0.5 ? 'found' : 'ledgered';
  if (x < 0.72) return 'closed';
  if (x < 0.9) return 'rectifying';
  if (x < 0.96) return 'rectified';
  return 'ledgered';
}

function loop(rng: Rng, state: HazardState, risk: RiskLevel, foundMs: number, nowMs: number): Partial<HazardRecordInput> {
  if (state === 'found' || state === 'ledgered') return { state };
  const rectifier = person(rng);
  const assigned = foundMs + intBetween(rng, 0, 2) * DAY_MS;
  const deadline = assigned + intBetween(rng, 7, 45) * DAY_MS;
  // Done some days after the order, spread over the time there was (never piled up on today).
  const room = Math.max(0, nowMs - DAY_MS - assigned);
  const done = state === 'rectifying' ? undefined : assigned + Math.min(room, intBetween(rng, 3, 40) * DAY_MS) * uniform(rng, 0.4, 1);
  const out: Partial<HazardRecordInput> = {
    state,
    rectification: {
      measures: pick(rng, MEASURES),
      deadline: iso(deadline),
      rectifier,
      rectifierPhone: phone(rng),
      assignedAt: iso(assigned),
      ...(done !== undefined ? { completedAt: iso(done), completedBy: 'reporter' } : {}),
    },
  };
  if (state === 'closed') Object.assign(out, { closedAt: iso(Math.min(nowMs, done! + uniform(rng, 0.2, 3) * DAY_MS)), closedBy: 'duty' });
  if (state !== 'closed' && (risk === 'major' || (risk === 'high' && rng() < 0.3))) {
    out.supervision = { level: risk === 'major' ? 'city' : 'county', deadline: iso(deadline - intBetween(rng, 0, 5) * DAY_MS), listedAt: iso(assigned) };
  }
  return out;
}

/** The demo registry as ledger rows, in WGS-84. */
export function buildDemoHazards(region: RegionDefined, seed: number, now: Date): HazardRecordInput[] {
  const rng = rngFor(seed, 'hazards');
  const nowMs = now.getTime();
  const rows: HazardRecordInput[] = [];
  const near = (c: readonly [number, number]): [number, number] => [
    Math.round((c[0] + uniform(rng, -0.012, 0.012)) * 1e6) / 1e6,
    Math.round((c[1] + uniform(rng, -0.01, 0.01)) * 1e6) / 1e6,
  ];
  const total = NATURAL_POINTS + LEDGER_ITEMS;
  for (let i = 0; i < total; i++) {
    const natural = i < NATURAL_POINTS;
    const village = pick(rng, region.villages);
    const risk = pick(rng, RISKS);
    const ageDays = intBetween(rng, 0, 90);
    const foundMs = nowMs - ageDays * DAY_MS - intBetween(rng, 0, 23) * 3600_000;
    const state = natural ? (rng() < 0.85 ? 'ledgered' : stateFor(rng, ageDays)) : stateFor(rng, ageDays);
    const number = String(i + 1).padStart(5, '0');
    const common = {
      riskLevel: risk,
      townshipCode: village.townshipCode,
      villageCode: village.code,
      location: near(village.center),
      foundAt: iso(foundMs),
      foundBy: pick(rng, ['reporter', 'duty']),
      ...loop(rng, state, risk, foundMs, nowMs),
    };
    if (natural) {
      const kind = pick(rng, NATURAL_HAZARD_KINDS);
      const households = intBetween(rng, 1, 60);
      rows.push({
        id: `DZ-${number}`,
        name: `${village.name}${NATURAL_WORDS[kind]}`,
        kind,
        responsible: [{ name: person(rng), phone: phone(rng) }, { name: person(rng), phone: phone(rng) }],
        households,
        people: households * intBetween(rng, 2, 4),
        ...common,
      });
    } else {
      const kind = pick(rng, ENTERPRISE_HAZARD_KINDS);
      const [firm, findings] = FIRMS[kind];
      rows.push({
        id: `YH-${number}`,
        name: `${village.name.replace(/村$/, '')}${firm}：${pick(rng, findings)}`,
        kind,
        responsible: [{ name: person(rng), phone: phone(rng) }],
        ...common,
      });
    }
  }
  return rows;
}
