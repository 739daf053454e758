/**
 * Warning kinds and colours as data (预警种类与颜色).
 *
 * The 14 meteorological early-warning signals are those of the CMA's 《气象灾害预警信号发布与传播
 * 办法》 (中国气象局令第16号, 2007; haze revised 2013 to three levels). Not every signal has all
 * four colours: heavy fog has no blue, drought only orange and red, frost no red. The other kinds
 * are the warnings a county centre receives from other departments (water, natural resources,
 * forestry). A colour outside a kind's list is refused.
 */
import { z } from 'zod';

/** Colours from the least to the most serious: blue IV (一般) → red I (特别严重). */
export const WARNING_COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
export const warningColourSchema = z.enum(WARNING_COLOURS);
export type WarningColour = z.infer<typeof warningColourSchema>;

/** The level number each colour stands for: blue IV … red I. */
export const COLOUR_LEVEL: Readonly<Record<WarningColour, 1 | 2 | 3 | 4>> = { blue: 4, yellow: 3, orange: 2, red: 1 };

/** Orange and red take the wall's attention and start call-and-confirm (叫应). */
export const isSevereColour = (c: WarningColour): boolean => c === 'orange' || c === 'red';

/** Compares colours by seriousness: > 0 when `a` is more serious than `b`. */
export const compareColours = (a: WarningColour, b: WarningColour): number => WARNING_COLOURS.indexOf(a) - WARNING_COLOURS.indexOf(b);

export interface WarningKindDef {
  /** Chinese name as the signal is published. */
  zh: string;
  en: string;
  /** The colours this kind is issued in, least serious first. */
  colours: readonly WarningColour[];
  /** Group, for the specialised command that answers it. */
  group: 'meteorological' | 'hydrological' | 'geological' | 'forest-fire' | 'other';
  /** CAP `category` when exported. */
  capCategory: 'Met' | 'Geo' | 'Fire' | 'Env' | 'Other';
}

const ALL: readonly WarningColour[] = WARNING_COLOURS;
const met = (zh: string, en: string, colours: readonly WarningColour[]): WarningKindDef => ({ zh, en, colours, group: 'meteorological', capCategory: 'Met' });

/** Every kind the centre knows. Keys are stable identifiers stored in the journal. */
export const WARNING_KINDS = {
  typhoon: met('台风', 'Typhoon', ALL),
  rainstorm: met('暴雨', 'Rainstorm', ALL),
  blizzard: met('暴雪', 'Blizzard', ALL),
  'cold-wave': met('寒潮', 'Cold wave', ALL),
  gale: met('大风', 'Gale', ALL),
  sandstorm: met('沙尘暴', 'Sandstorm', ['yellow', 'orange', 'red']),
  'heat-wave': met('高温', 'Heat wave', ['yellow', 'orange', 'red']),
  drought: met('干旱', 'Drought', ['orange', 'red']),
  lightning: met('雷电', 'Lightning', ['yellow', 'orange', 'red']),
  hail: met('冰雹', 'Hail', ['orange', 'red']),
  frost: met('霜冻', 'Frost', ['blue', 'yellow', 'orange']),
  'heavy-fog': met('大雾', 'Heavy fog', ['yellow', 'orange', 'red']),
  haze: met('霾', 'Haze', ['yellow', 'orange', 'red']),
  'road-icing': met('道路结冰', 'Road icing', ['yellow', 'orange', 'red']),
  'flash-flood': { zh: '山洪灾害', en: 'Flash flood', colours: ALL, group: 'hydrological', capCategory: 'Met' },
  flood: { zh: '洪水', en: 'Flood (hydrological)', colours: ALL, group: 'hydrological', capCategory: 'Met' },
  'geological-hazard': { zh: '地质灾害气象风险', en: 'Geological hazard', colours: ['yellow', 'orange', 'red'], group: 'geological', capCategory: 'Geo' },
  'forest-fire': { zh: '森林火险', en: 'Forest fire danger', colours: ALL, group: 'forest-fire', capCategory: 'Fire' },
  other: { zh: '其他', en: 'Other', colours: ALL, group: 'other', capCategory: 'Other' },
} as const satisfies Record<string, WarningKindDef>;

export type WarningKind = keyof typeof WARNING_KINDS;
export const WARNING_KIND_KEYS = Object.keys(WARNING_KINDS) as WarningKind[];
export const warningKindSchema = z.enum(WARNING_KIND_KEYS as [WarningKind, ...WarningKind[]]);

/** Whether a kind is ever issued in a colour (e.g. heavy fog is never blue). */
export const kindHasColour = (kind: WarningKind, colour: WarningColour): boolean =>
  (WARNING_KINDS[kind].colours as readonly WarningColour[]).includes(colour);

/**
 * CAP `severity` ↔ colour, both ways, explicitly:
 *
 * | colour | level | CAP severity |
 * | red    | I     | Extreme      |
 * | orange | II    | Severe       |
 * | yellow | III   | Moderate     |
 * | blue   | IV    | Minor        |
 *
 * Importing, `Unknown` becomes blue (the least serious: we never invent urgency). Then the colour
 * is snapped to the nearest one the kind uses, preferring the more serious one (a Minor drought
 * is orange, the lowest drought colour; a Extreme frost is orange, the highest frost colour).
 */
export const COLOUR_TO_CAP_SEVERITY = { red: 'Extreme', orange: 'Severe', yellow: 'Moderate', blue: 'Minor' } as const satisfies Record<WarningColour, string>;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
const SEVERITY_TO_COLOUR: Record<CapSeverity, WarningColour> = { Extreme: 'red', Severe: 'orange', Moderate: 'yellow', Minor: 'blue', Unknown: 'blue' };

/** The colour of an imported CAP severity for a kind (see the table above). */
export function colourFromCapSeverity(severity: CapSeverity, kind: WarningKind): WarningColour {
  const wanted = SEVERITY_TO_COLOUR[severity];
  if (kindHasColour(kind, wanted)) return wanted;
  const colours = WARNING_KINDS[kind].colours as readonly WarningColour[];
  const rank = WARNING_COLOURS.indexOf(wanted);
  // Below the kind's lowest colour → its lowest; above its highest → its highest.
  return colours.find((c) => WARNING_COLOURS.indexOf(c) >= rank) ?? colours[colours.length - 1]!;
}

/**
 * Guesses the kind of an imported alert from its CAP `event` text (Chinese or English). Order
 * matters: the first match wins, so "暴雨" is not taken for "雨" elsewhere. Unknown → `other`.
 */
const KIND_WORDS: ReadonlyArray<[WarningKind, RegExp]> = [
  ['typhoon', /台风|typhoon|hurricane|tropical (storm|cyclone)/i],
  ['rainstorm', /暴雨|rainstorm|heavy rain/i],
  ['blizzard', /暴雪|blizzard|winter storm|heavy snow/i],
  ['cold-wave', /寒潮|cold wave|extreme cold|wind chill/i],
  ['sandstorm', /沙尘|sandstorm|dust storm/i],
  ['heat-wave', /高温|heat/i],
  ['drought', /干旱|drought/i],
  ['lightning', /雷电|lightning|thunderstorm/i],
  ['hail', /冰雹|hail/i],
  ['frost', /霜冻|frost|freeze/i],
  ['heavy-fog', /大雾|fog/i],
  ['haze', /霾|haze|smoke/i],
  ['road-icing', /道路结冰|road ic|ice storm|black ice/i],
  ['gale', /大风|gale|high wind|wind/i],
  ['flash-flood', /山洪|flash flood/i],
  ['flood', /洪水|flood/i],
  ['geological-hazard', /地质灾害|滑坡|泥石流|landslide|debris flow|mudslide/i],
  ['forest-fire', /森林火|fire/i],
];

export function kindFromEventText(event: string): WarningKind {
  return KIND_WORDS.find(([, re]) => re.test(event))?.[0] ?? 'other';
}
