// A bar chart of one of the page's tables, with ECharts: only its core, the bar chart, the grid, legend and tooltip,
// and the canvas renderer (no SVG strings, no inline <style>: it runs under the console's CSP, default-src 'self').
// This module is loaded only when a reports page first draws a chart (React.lazy in charts.tsx), so ECharts is never
// part of another route's download. A click on a bar opens the referral list filtered to it, as the table's link does.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { AXIS_COLORS, CHART_COLORS } from './palette';
import type { ChartData } from './tables';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface ChartProps {
  data: ChartData;
  /** Bars of the series on top of each other (parts of one whole) rather than side by side. */
  stacked?: boolean;
  /** Bars along the vertical axis: for long labels (area names, area × category). */
  horizontal?: boolean;
  /** Fixed size for print (the monthly report); otherwise the chart follows its box. */
  width?: number;
  height: number;
}

export default function Chart({ data, stacked = false, horizontal = false, width, height }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, null, { renderer: 'canvas', width, height });
    const categoryAxis = {
      type: 'category' as const,
      data: data.labels,
      inverse: horizontal,
      axisLabel: { color: AXIS_COLORS.label.value, interval: 0, width: horizontal ? 160 : 90, overflow: 'truncate' as const },
      axisLine: { lineStyle: { color: AXIS_COLORS.line.value } },
    };
    const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: AXIS_COLORS.label.value } };
    chart.setOption({
      // Printing and reduced motion both want the final picture at once.
      animation: false,
      color: CHART_COLORS.map((color) => color.value),
      textStyle: { fontFamily: 'Noto Sans JP, sans-serif' },
      tooltip: { trigger: 'item' },
      legend: data.series.length > 1 ? { top: 0, textStyle: { color: AXIS_COLORS.label.value } } : undefined,
      grid: { left: 8, right: 16, top: data.series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      // A suppressed count (「3未満」, 「秘匿」) is null: no bar; the table beside says what it is.
      series: data.series.map((series, index) => ({
        type: 'bar',
        name: series.name,
        data: series.values.map((value, i) => ({ value, cursor: data.hrefs[index]?.[i] ? 'pointer' : 'default' })),
        stack: stacked ? 'all' : undefined,
        barMaxWidth: 32,
      })),
    });
    chart.on('click', (event) => {
      const href = data.hrefs[event.seriesIndex ?? -1]?.[event.dataIndex];
      if (href) void navigate(href);
    });
    // The chart follows its box when the window (or the menu) changes its width.
    const observer = width === undefined && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => chart.resize()) : null;
    observer?.observe(box.current);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [data, stacked, horizontal, width, height, navigate]);

  return <div ref={box} className="w-full" />;
}
