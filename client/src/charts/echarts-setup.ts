import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the app draws, so the bundle carries nothing else of ECharts. Add charts here as screens need them.
use([BarChart, GridComponent, CanvasRenderer]);

/** The options our charts may use: exactly the parts registered above. */
export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption>;

/** What a chart's option depends on besides its data: the text size the layout gives it, in px. */
export interface ChartContext {
  fontPx: number;
}

export function createChart(el: HTMLElement): ECharts {
  return init(el, null, { renderer: 'canvas' });
}

export type { ECharts };
