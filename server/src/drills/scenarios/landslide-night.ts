/**
 * `landslide-night` (山体裂缝夜间转移): the night of 9 October from the domain notes. At 20:00
 * (scenario minute 0) a mountainside cracks above the two villages of 青石镇 that have a
 * prepared evacuation plan; by 01:00 (minute 300) their 59 households / 139 people are in the
 * temporary shelter, six teams are on scene, and the initial, follow-up and final reports are
 * sent. Every step is a command a person in that role would issue; ids and codes come from the
 * read model (see lookups.ts), so the seeded plans decide the numbers.
 */
import type { StepContext, ScenarioStep } from '../scenario.js';
import { defineScenario } from '../scenario.js';
import { batchOf, boxAround, currentReport, nearestStandby, plannedVillage, scenePoint, teamOnOrder, teamVoice, townshipNamed } from './lookups.js';

const TOWNSHIP = '青石镇';
const TEAMS = 6;
const duty = { user: 'duty', role: 'duty' as const };
const commander = { user: 'commander', role: 'commander' as const };
/** The township's information officer (信息员): reports the evacuation and counts at the shelter door. */
const reporter = { user: 'reporter', role: 'reporter' as const };

/** Minutes the teams reach the scene after the dispatch at minute 10 (nearest first). */
const ARRIVALS = [32, 38, 45, 52, 60, 70];
/** Evacuation batches per village: minutes of each village officer's report. */
const BATCHES: Array<{ village: 0 | 1; at: number[] }> = [
  { village: 0, at: [45, 75, 105, 135] },
  { village: 1, at: [165, 205, 245, 285] },
];

const village = (c: StepContext, i: 0 | 1) => plannedVillage(c.state, TOWNSHIP, i);

function evacuationSteps(): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  for (const { village: v, at } of BATCHES) {
    at.forEach((minute, k) => {
      const moved = (c: StepContext) => batchOf(village(c, v).plan.planPeople, k + 1, at.length);
      const movedBefore = (c: StepContext) => batchOf(village(c, v).plan.planPeople, k, at.length);
      steps.push(
        {
          at: minute,
          actor: reporter,
          type: 'evacuation:report',
          note: `${k + 1}/${at.length} of village #${v + 1} moved and sheltered centrally`,
          payload: (c) => {
            const { plan } = village(c, v);
            return { planId: plan.id, movedHouseholds: batchOf(plan.planHouseholds, k + 1, at.length), movedPeople: moved(c), central: moved(c), relatives: 0, returned: 0 };
          },
        },
        {
          at: minute + 1,
          actor: reporter,
          type: 'shelter:check-in',
          payload: (c) => ({ shelterId: village(c, v).plan.shelterId, people: moved(c) - movedBefore(c), note: `${village(c, v).name}第${k + 1}批` }),
        },
        {
          at: minute + 2,
          actor: duty,
          type: 'incident:update-situation',
          payload: (c) => ({ incidentId: c.ref('incident'), evacuated: (v === 1 ? village(c, 0).plan.planPeople : 0) + moved(c) }),
        },
      );
    });
  }
  return steps;
}

/** Draft (when not the initial), approve and send the report of the chain being written now. */
function reportSteps(at: number, kind: 'initial' | 'follow-up' | 'final', elements?: Record<string, string>): ScenarioStep[] {
  const report = (c: StepContext) => ({ reportId: currentReport(c.state, c.ref('incident')) });
  return [
    ...(kind === 'initial' ? [] : [{ at, actor: duty, type: 'report:draft', payload: (c: StepContext) => ({ incidentId: c.ref('incident'), kind }) }]),
    ...(elements ? [{ at: at + 1, actor: duty, type: 'report:edit', payload: (c: StepContext) => ({ ...report(c), elements }) }] : []),
    { at: at + 3, actor: commander, type: 'report:approve', payload: report, note: `the leader on duty signs off the ${kind} report` },
    { at: at + 4, actor: duty, type: 'report:send', payload: report },
  ];
}

export const landslideNight = defineScenario({
  name: 'landslide-night',
  title: '青石镇山体裂缝夜间转移演练',
  summary: '20:00 后山开裂，预警、响应、六支队伍出动，01:00 前 59 户 139 人转移至临时安置点，首报、续报、终报按时报送',
  steps: [
    {
      at: 0,
      actor: duty,
      type: 'duty-log:record',
      payload: () => ({ content: '青石镇信息员来电：镇后山出现长约百米的山体裂缝，坡下两个村有群众居住，随时可能滑坡。', source: 'township', caller: '青石镇信息员' }),
      as: 'call',
    },
    {
      at: 3,
      actor: duty,
      type: 'incident:record',
      as: 'incident',
      payload: (c) => ({
        title: '青石镇后山山体裂缝险情',
        type: 'geological',
        level: 4,
        place: `${TOWNSHIP}${village(c, 0).name}、${village(c, 1).name}后山`,
        location: scenePoint(c.state, TOWNSHIP),
        townshipCode: townshipNamed(c.state, TOWNSHIP).code,
        occurredAt: c.time(0),
        receivedAt: c.time(0),
        source: 'township',
        reportedBy: '青石镇信息员',
        summary: '后山出现山体裂缝，坡下两村群众受威胁，暂无人员伤亡。',
      }),
    },
    {
      at: 6,
      actor: duty,
      type: 'warning:issue',
      as: 'warning',
      payload: (c) => ({
        kind: 'geological-hazard',
        colour: 'orange',
        title: `${TOWNSHIP}地质灾害橙色预警`,
        description: '后山山体裂缝持续扩展，坡下村庄面临滑坡威胁。',
        instruction: '立即启动转移预案，坡下群众全部转移，严禁返回。',
        areaDesc: `${TOWNSHIP}${village(c, 0).name}、${village(c, 1).name}`,
        // The two villages under the slope and a few hundred metres around them: whom the 叫应 calls.
        area: { polygons: [[boxAround([village(c, 0).center, village(c, 1).center], 0.6)]], circles: [] },
        expires: c.time(24 * 60),
      }),
    },
    {
      at: 8,
      actor: commander,
      type: 'response:start',
      payload: () => ({ command: 'geological-hazard', level: 4, area: TOWNSHIP, reason: '青石镇后山山体裂缝，坡下两村群众受威胁，县领导指示启动转移预案' }),
    },
    // 叫应: the desk reaches the county and village responsible people by phone; the township confirms on the field page.
    { at: 9, actor: duty, type: 'call:confirm', payload: (c) => ({ warningId: c.ref('warning'), personId: `county-${c.state.region.county!.code}`, channel: 'phone' }) },
    { at: 9, actor: reporter, type: 'call:confirm', payload: (c) => ({ warningId: c.ref('warning'), personId: `township-${townshipNamed(c.state, TOWNSHIP).code}`, channel: 'field-app' }) },
    ...([0, 1] as const).map((i) => ({
      at: 10,
      actor: duty,
      type: 'call:confirm',
      payload: (c: StepContext) => ({ warningId: c.ref('warning'), personId: `village-${village(c, i).plan.villageCode}`, channel: 'phone' }),
    })),
    {
      at: 10,
      actor: commander,
      type: 'dispatch:create',
      as: 'dispatch',
      payload: (c) => ({
        task: '协助两村群众连夜转移，监测裂缝变化，设置警戒',
        target: { kind: 'incident', ref: c.ref('incident'), label: `${TOWNSHIP}后山裂缝`, lonLat: scenePoint(c.state, TOWNSHIP) },
        peopleNeeded: 120,
        teamIds: nearestStandby(c.state, scenePoint(c.state, TOWNSHIP), TEAMS),
      }),
    },
    ...Array.from({ length: TEAMS }, (_, i) => ({
      at: 12 + i,
      actor: (c: StepContext) => teamVoice(c.state, teamOnOrder(c.state, c.ref('dispatch'), i)),
      type: 'dispatch:respond',
      note: 'the team leader accepts and sets out',
      payload: (c: StepContext) => ({ dispatchId: c.ref('dispatch'), teamId: teamOnOrder(c.state, c.ref('dispatch'), i), accept: true }),
    })),
    { at: 14, actor: duty, type: 'shelter:set-open', payload: (c) => ({ shelterId: village(c, 0).plan.shelterId, open: true }) },
    {
      at: 18,
      actor: duty,
      type: 'incident:update-situation',
      payload: (c) => {
        const order = c.state.dispatch.byId[c.ref('dispatch')]!;
        const rescuers = order.assignments.reduce((s, a) => s + (c.state.teams.byId[a.teamId]?.headcount ?? 0), 0);
        return { incidentId: c.ref('incident'), teamsCommitted: order.assignments.length, rescuers };
      },
    },
    ...reportSteps(20, 'initial', {
      scope: '坡下两个行政村 59 户 139 人受威胁',
      trend: '裂缝仍在扩展，夜间降雨可能诱发滑坡',
      leadersOnScene: '县政府分管副县长、县应急管理局局长',
      actions: '发布地质灾害橙色预警，启动地质灾害Ⅳ级应急响应，调派六支救援队伍，启动转移预案，开放镇中心小学临时安置点',
      nextSteps: '连夜完成坡下群众转移安置，专业队伍监测裂缝变化，设置警戒防止群众返回',
      contact: '青石镇值班室 0000-0000000',
    }),
    ...ARRIVALS.map((at, i) => ({
      at,
      actor: (c: StepContext) => teamVoice(c.state, teamOnOrder(c.state, c.ref('dispatch'), i)),
      type: 'dispatch:report',
      note: 'the team reports arriving on scene',
      payload: (c: StepContext) => ({ dispatchId: c.ref('dispatch'), teamId: teamOnOrder(c.state, c.ref('dispatch'), i), step: 'on-scene' }),
    })),
    ...evacuationSteps(),
    // The follow-up (续报) is drafted from the record: counters and changes fill themselves in.
    ...reportSteps(150, 'follow-up'),
    ...reportSteps(292, 'final', {
      trend: '险情得到控制，转移群众全部妥善安置，无人员伤亡',
      nextSteps: '专业队伍持续监测裂缝，群众待险情解除后有序返迁',
      actions: '六支救援队伍到场协助转移，两村 59 户 139 人全部转移至镇中心小学临时安置点，安置点提供食宿和医疗保障',
    }),
  ],
});
