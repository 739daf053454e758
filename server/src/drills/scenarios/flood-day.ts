/**
 * `flood-day` (汛期强降雨演练): a rain band crosses 龙潭乡 and 龙潭水库 rises. Rainfall and
 * reservoir readings come in and raise alarms, the desk acknowledges them, township officers
 * patrol the hazard points, a blue rainstorm warning goes out and is raised to orange (which
 * lists the responsible people for 叫应, who confirm), a flood-control response starts and the
 * low-lying households of the planned villages move to relatives (分散安置). About three hours of
 * scenario time. Stations are defined by the duty officer as the first step (the demo seeds
 * none); everything else comes from the read model.
 */
import type { ScenarioStep, StepContext } from '../scenario.js';
import { defineScenario } from '../scenario.js';
import { boxAround, naturalHazardsOf, townshipNamed, villagePlansOf } from './lookups.js';

const TOWNSHIP = '龙潭乡';
const duty = { user: 'duty', role: 'duty' as const };
const commander = { user: 'commander', role: 'commander' as const };
const reporter = { user: 'reporter', role: 'reporter' as const };

const RAIN = 'longtan-rain';
const RESERVOIR = 'longtan-reservoir';
/** Readings every 15 scenario minutes: rainfall (mm/h) and reservoir level (m) as the band passes. */
const READINGS: Array<{ at: number; rain: number; level: number }> = [
  { at: 10, rain: 6, level: 350.4 },
  { at: 25, rain: 18, level: 351.1 },
  { at: 40, rain: 27, level: 352.6 },
  { at: 55, rain: 44, level: 353.4 },
  { at: 70, rain: 58, level: 354.5 },
  { at: 85, rain: 63, level: 355.6 },
  { at: 100, rain: 41, level: 356.3 },
  { at: 115, rain: 22, level: 356.7 },
  { at: 130, rain: 9, level: 356.1 },
];
/** Patrols of the township's first three natural hazard points (by index). */
const PATROLS = [0, 1, 2];
/** Planned villages (by index) moved, and when. */
const MOVES = [0, 1, 2, 3, 4, 5].map((i) => ({ i, at: 120 + i * 8 }));

const township = (c: StepContext) => townshipNamed(c.state, TOWNSHIP);
const plan = (c: StepContext, i: number) => {
  const p = villagePlansOf(c.state, TOWNSHIP)[i];
  if (!p) throw new Error(`${TOWNSHIP} has no planned village #${i + 1}`);
  return p;
};
/** The warning area: every planned village of the township, with 1.5 km to spare. */
const area = (c: StepContext) => ({ polygons: [[boxAround(villagePlansOf(c.state, TOWNSHIP).map((p) => c.state.region.villages[p.villageCode]!.center), 1.5)]], circles: [] });
const at = (c: StepContext, minute: number) => c.time(minute);

const readingSteps: ScenarioStep[] = READINGS.flatMap((r) => [
  {
    at: r.at,
    actor: duty,
    type: 'alarm:evaluate-readings',
    note: 'the monitoring feed posts readings under the duty desk account',
    payload: (c: StepContext) => ({ readings: [{ stationId: RAIN, value: r.rain, at: at(c, r.at) }, { stationId: RESERVOIR, value: r.level, at: at(c, r.at) }] }),
  },
]);
/** The desk acknowledges each alarm a little after it rises (rain at 25/55, reservoir at 55/70/85). */
const acks: ScenarioStep[] = [
  { at: 27, stationId: RAIN },
  { at: 57, stationId: RAIN },
  { at: 58, stationId: RESERVOIR },
  { at: 87, stationId: RESERVOIR },
].map((a) => ({ at: a.at, actor: duty, type: 'alarm:acknowledge', payload: () => ({ stationId: a.stationId }) }));

export const floodDay = defineScenario({
  name: 'flood-day',
  title: '龙潭乡汛期强降雨演练',
  summary: '强降雨带过境，雨量和水库水位报警，隐患点巡查，蓝色预警升橙色并叫应，低洼户转移',
  steps: [
    {
      at: 0,
      actor: duty,
      type: 'duty-log:record',
      payload: () => ({ content: '县气象台通报：一条强降雨带正自西向东移入龙潭乡，未来三小时累计雨量可达 80 毫米。', source: 'platform', caller: '县气象台' }),
    },
    ...[
      { id: RAIN, name: '龙潭乡雨量站', kind: 'rainfall', unit: 'mm/h', thresholds: [{ colour: 'blue', raise: 16, clear: 12 }, { colour: 'orange', raise: 50, clear: 40 }] },
      {
        id: RESERVOIR,
        name: '龙潭水库水位站',
        kind: 'reservoir-level',
        unit: 'm',
        thresholds: [{ colour: 'blue', raise: 352, clear: 351.5 }, { colour: 'yellow', raise: 354, clear: 353.5 }, { colour: 'orange', raise: 356, clear: 355.5 }],
      },
    ].map((s) => ({ at: 2, actor: duty, type: 'alarm:define-station', payload: (c: StepContext) => ({ ...s, location: township(c).center }) })),
    ...readingSteps,
    ...acks,
    ...PATROLS.map((k) => ({
      at: 45 + k * 10,
      actor: reporter,
      type: 'patrol:record',
      note: 'a township officer walks a hazard point in the rain',
      payload: (c: StepContext) => {
        const id = naturalHazardsOf(c.state, TOWNSHIP)[k];
        if (!id) throw new Error(`${TOWNSHIP} has no natural hazard point #${k + 1}`);
        return { hazardId: id, phase: 'in-flood', findings: k === 1 ? '坡脚有少量渗水，已设警示牌，加密巡查' : '未见明显变形，排水通畅' };
      },
    })),
    {
      at: 35,
      actor: duty,
      type: 'warning:issue',
      as: 'warning',
      payload: (c) => ({
        kind: 'rainstorm',
        colour: 'blue',
        title: `${TOWNSHIP}暴雨蓝色预警`,
        description: '强降雨带过境，小时雨量可达 30 毫米以上。',
        instruction: '加强隐患点巡查，低洼地带群众做好转移准备。',
        areaDesc: TOWNSHIP,
        area: area(c),
        expires: c.time(12 * 60),
      }),
    },
    {
      at: 72,
      actor: duty,
      type: 'warning:update',
      payload: (c) => ({ id: c.ref('warning'), colour: 'orange', title: `${TOWNSHIP}暴雨橙色预警`, instruction: '低洼地带群众立即转移，严禁涉水通行。' }),
    },
    // 叫应: the county by phone, the township on the field page, the planned villages by phone.
    { at: 74, actor: duty, type: 'call:confirm', payload: (c) => ({ warningId: c.ref('warning'), personId: `county-${c.state.region.county!.code}`, channel: 'phone' }) },
    { at: 75, actor: reporter, type: 'call:confirm', payload: (c) => ({ warningId: c.ref('warning'), personId: `township-${township(c).code}`, channel: 'field-app' }) },
    ...MOVES.map(({ i }) => ({
      at: 76 + i,
      actor: duty,
      type: 'call:confirm',
      payload: (c: StepContext) => ({ warningId: c.ref('warning'), personId: `village-${plan(c, i).villageCode}`, channel: 'phone' }),
    })),
    { at: 90, actor: commander, type: 'response:start', payload: () => ({ command: 'flood-drought', level: 4, area: TOWNSHIP, reason: '龙潭水库水位超汛限，暴雨橙色预警生效' }) },
    ...MOVES.map(({ i, at: minute }) => ({
      at: minute,
      actor: reporter,
      type: 'evacuation:report',
      note: 'low-lying households go to relatives (分散安置)',
      payload: (c: StepContext) => {
        const p = plan(c, i);
        return { planId: p.id, movedHouseholds: p.planHouseholds, movedPeople: p.planPeople, central: 0, relatives: p.planPeople, returned: 0 };
      },
    })),
    { at: 170, actor: duty, type: 'duty-log:record', payload: () => ({ content: '龙潭乡低洼户转移完毕，雨势减弱，水库水位回落，继续巡查。', source: 'township', caller: '龙潭乡值班室' }) },
  ],
});
