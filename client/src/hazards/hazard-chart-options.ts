import type { ChartContext, ChartOption } from '../charts/echarts-setup';
import type { TownshipRate } from './hazard-stats';

export interface HazardChartColours {
  rate: string;
  overdue: string;
  found: string;
  closed: string;
  axis: string;
  grid: string;
  text: string;
}

const axisText = (c: HazardChartColours, fontPx: number) => ({ color: c.text, fontSize: fontPx * 0.75 });

/** Rectification rate (%) per township as horizontal bars, labelled with the rate. */
export function rateChartOption(rows: readonly TownshipRate[], c: HazardChartColours, { fontPx }: ChartContext): ChartOption {
  const sorted = [...rows].sort((a, b) => a.rate - b.rate);
  return {
    animation: false,
    grid: { left: fontPx * 4.5, right: fontPx * 2.6, top: fontPx * 0.3, bottom: fontPx * 0.3 },
    xAxis: { type: 'value', max: 100, show: false },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { ...axisText(c, fontPx), interval: 0 }, axisLine: { lineStyle: { color: c.axis } }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: sorted.map((r) => Math.round(r.rate * 1000) / 10),
        itemStyle: { color: c.rate },
        label: { show: true, position: 'right', color: c.text, fontSize: fontPx * 0.7, formatter: '{c}%' },
        barCategoryGap: '30%',
      },
    ],
  };
}

/** Counts per category (overdue by kind, by township) as vertical bars. */
export function countChartOption(labels: readonly string[], values: readonly number[], colour: string, c: HazardChartColours, { fontPx }: ChartContext): ChartOption {
  return {
    animation: false,
    grid: { left: fontPx * 2.2, right: fontPx * 0.6, top: fontPx * 0.8, bottom: fontPx * 2.4 },
    xAxis: { type: 'category', data: [...labels], axisLabel: { ...axisText(c, fontPx), interval: 0, rotate: labels.length > 6 ? 30 : 0 }, axisLine: { lineStyle: { color: c.axis } }, axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: axisText(c, fontPx), splitLine: { lineStyle: { color: c.grid } } },
    series: [{ type: 'bar', data: [...values], itemStyle: { color: colour }, barCategoryGap: '30%' }],
  };
}

/** Found and closed per day, side by side. */
export function trendChartOption(days: ReadonlyArray<{ day: string; found: number; closed: number }>, c: HazardChartColours, { fontPx }: ChartContext): ChartOption {
  return {
    animation: false,
    grid: { left: fontPx * 2.2, right: fontPx * 0.6, top: fontPx * 0.8, bottom: fontPx * 1.8 },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisLabel: axisText(c, fontPx), axisLine: { lineStyle: { color: c.axis } }, axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: axisText(c, fontPx), splitLine: { lineStyle: { color: c.grid } } },
    series: [
      { type: 'bar', data: days.map((d) => d.found), itemStyle: { color: c.found } },
      { type: 'bar', data: days.map((d) => d.closed), itemStyle: { color: c.closed } },
    ],
  };
}

export const DARK_COLOURS: HazardChartColours = { rate: '#37d67a', overdue: '#ff5a5f', found: '#ffb020', closed: '#37d67a', axis: '#1f3a5c', grid: 'rgba(141, 162, 189, 0.15)', text: '#8da2bd' };
