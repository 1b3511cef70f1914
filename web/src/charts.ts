// ECharts (tree-shaken via echarts/core), SVG renderer on screen. PNG export
// renders the same option once more on an off-screen canvas instance.
// Hostile names reach charts only as plain text (legend, axis, markLine
// labels are drawn as SVG/canvas text); tooltips are built as DOM nodes with
// textContent (formatter returns an HTMLElement), so no data becomes HTML.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import {
  GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomComponent,
} from 'echarts/components';
import { SVGRenderer, CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { h, download, base64ToBytes, neutralise } from './safe';

echarts.use([
  LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  DataZoomComponent, SVGRenderer, CanvasRenderer,
]);

export interface Theme { fg: string; muted: string; grid: string; bg: string; accent: string; }

export function readTheme(): Theme {
  const s = getComputedStyle(document.documentElement);
  const v = (name: string) => s.getPropertyValue(name).trim();
  return { fg: v('--fg'), muted: v('--muted'), grid: v('--grid'), bg: v('--bg-card'), accent: v('--accent') };
}

/** A marker of a time chart: the report's bucket key it falls in (events, announcements carry theirs) and a label. */
export interface ChartMarker { bucket: string; label: string; }

interface TooltipParam { seriesName?: string; value?: unknown; color?: unknown; axisValueLabel?: string; }

/** Axis tooltip as DOM: a header and one row per non-zero series, largest first. */
function tooltipElement(params: TooltipParam | TooltipParam[]): HTMLElement {
  const list = Array.isArray(params) ? params : [params];
  const rows = list
    .map((p) => ({ name: p.seriesName ?? '', v: typeof p.value === 'number' ? p.value : Number(p.value), color: String(p.color ?? '') }))
    .filter((r) => Number.isFinite(r.v) && r.v > 0)
    .sort((a, b) => b.v - a.v);
  const box = h('div', { class: 'tt' }, h('div', { class: 'tt-head' }, list[0]?.axisValueLabel ?? ''));
  const shown = rows.slice(0, 12);
  for (const r of shown) {
    const sw = h('span', { class: 'tt-sw' });
    sw.style.background = r.color;
    box.appendChild(h('div', { class: 'tt-row' }, sw, h('span', { class: 'tt-name' }, r.name), h('span', { class: 'tt-v' }, r.v.toLocaleString('en-US'))));
  }
  if (rows.length > shown.length) box.appendChild(h('div', { class: 'tt-more' }, `+ ${rows.length - shown.length} more`));
  if (!rows.length) box.appendChild(h('div', { class: 'tt-more' }, 'nothing in this bucket'));
  return box;
}

/** Base option shared by all charts: axes, grid, tooltip, legend, colours from the page theme. */
export function baseOption(t: Theme, keys: string[], log: boolean, yName: string): EChartsCoreOption {
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: t.fg, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    grid: { left: 64, right: 28, top: 96, bottom: 64, containLabel: false },
    tooltip: {
      trigger: 'axis', confine: true, renderMode: 'html', appendToBody: false,
      backgroundColor: t.bg, borderColor: t.grid, textStyle: { color: t.fg },
      formatter: (p: unknown) => tooltipElement(p as TooltipParam[]),
    },
    legend: { type: 'scroll', top: 0, left: 0, right: 0, textStyle: { color: t.fg }, pageTextStyle: { color: t.muted }, pageIconColor: t.fg, pageIconInactiveColor: t.grid },
    xAxis: { type: 'category', data: keys, axisLabel: { color: t.muted }, axisLine: { lineStyle: { color: t.grid } }, axisTick: { lineStyle: { color: t.grid } } },
    yAxis: {
      type: log ? 'log' : 'value', name: yName + (log ? ' (log scale)' : ''), nameLocation: 'middle', nameGap: 46,
      nameTextStyle: { color: t.muted },
      min: log ? 1 : 0, axisLabel: { color: t.muted }, splitLine: { lineStyle: { color: t.grid } },
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8, textStyle: { color: t.muted }, borderColor: t.grid }],
  };
}

/** A markLine (vertical dashed rules with labels) for the markers whose bucket is on the axis. */
export function eventMarkLine(marks: ChartMarker[], keys: string[], t: Theme): object | undefined {
  const data = marks
    .filter((m) => keys.includes(m.bucket))
    // Labels sit above the plot, staggered so that events in adjacent buckets stay readable.
    .map((m, i) => ({ xAxis: m.bucket, name: m.label, label: { formatter: neutralise(m.label), offset: [0, -(i % 3) * 14] } }));
  if (!data.length) return undefined;
  return {
    silent: true, symbol: 'none', animation: false,
    lineStyle: { color: t.accent, type: 'dashed', width: 1.5 },
    label: { show: true, position: 'end', color: t.fg, fontSize: 11, distance: 4 },
    data,
  };
}

/** One chart on the page: keeps its ECharts instance and last option for export. */
export class Chart {
  private inst: echarts.ECharts;
  private option: EChartsCoreOption | null = null;
  constructor(readonly el: HTMLElement, readonly id: string) {
    this.inst = echarts.init(el, undefined, { renderer: 'svg' });
    // A chart squeezed to zero width or height (e.g. for a moment while a full-page
    // screenshot re-lays the page out) is not resized: ECharts' graph view cannot
    // invert a zero-size transform and throws. The next real size redraws it.
    new ResizeObserver(() => { if (el.clientWidth > 0 && el.clientHeight > 0) this.inst.resize(); }).observe(el);
  }

  render(option: EChartsCoreOption): void {
    this.el.dataset.ready = 'false';
    this.option = option;
    this.inst.setOption(option, { notMerge: true });
    // Rendering is synchronous without animation; mark after the frame is drawn.
    requestAnimationFrame(() => { this.el.dataset.ready = 'true'; });
  }

  clear(): void {
    this.option = null;
    this.inst.clear();
    this.el.dataset.ready = 'false';
  }

  get hasData(): boolean { return this.option !== null; }

  exportSvg(): void {
    if (!this.option) return;
    const svg = this.inst.renderToSVGString();
    download(new Blob([svg], { type: 'image/svg+xml' }), `linkdrift-${this.id}.svg`);
  }

  exportPng(background: string): void {
    if (!this.option) return;
    const width = Math.max(this.el.clientWidth, 800);
    const height = Math.max(this.el.clientHeight, 400);
    const host = h('div');
    const off = echarts.init(host, undefined, { renderer: 'canvas', width, height, devicePixelRatio: 2 });
    off.setOption({ ...this.option, tooltip: { show: false }, dataZoom: [] }, { notMerge: true });
    const url = off.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background });
    off.dispose();
    const bytes = base64ToBytes(url.slice(url.indexOf(',') + 1));
    download(new Blob([bytes], { type: 'image/png' }), `linkdrift-${this.id}.png`);
  }
}
