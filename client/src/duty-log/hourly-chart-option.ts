import type { ChartContext, ChartOption } from '../charts/echarts-setup';
import { formatCst } from '../format/time';
import type { HourBucket } from './hourly-counts';

export interface ChartColours {
  bar: string;
  axis: string;
  grid: string;
  text: string;
}

/** Bar chart of entries per hour, labelled by the hour's start in CST; sizes follow the font size. */
export function hourlyChartOption(buckets: readonly HourBucket[], locale: string, colours: ChartColours, { fontPx }: ChartContext): ChartOption {
  return {
    animation: false,
    grid: { left: fontPx * 2.2, right: fontPx * 0.8, top: fontPx * 0.8, bottom: fontPx * 1.8 },
    xAxis: {
      type: 'category',
      data: buckets.map((b) => formatCst(b.startMs, locale, 'time')),
      axisLabel: { color: colours.text, fontSize: fontPx * 0.8 },
      axisLine: { lineStyle: { color: colours.axis } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: colours.text, fontSize: fontPx * 0.8 },
      splitLine: { lineStyle: { color: colours.grid } },
    },
    series: [
      {
        type: 'bar',
        data: buckets.map((b) => b.count),
        itemStyle: { color: colours.bar, borderRadius: [fontPx * 0.15, fontPx * 0.15, 0, 0] },
        barCategoryGap: '25%',
      },
    ],
  };
}
