/**
 * Builds the ECharts option for a metric chart: time axis in UTC (like CloudWatch), one or two value
 * axes, series by id (so live updates merge into them), and event markers (scaling activities,
 * alarm transitions, scheduled actions) as vertical lines. Pure: the component owns the data.
 */
import type { ChartTheme, ECOption } from '@/composables/use-chart';
import type { CsvSeries } from '@/utils/csv';
import type { MetricQuery } from '@/utils/metric-key';
import { formatUtc } from '@/utils/time';
import type { Tone } from '@/utils/tone';
import { PALETTES } from './chart-theme';

export interface MetricChartSeries {
  /** Stable id: updates merge by it. */
  id: string;
  /** Translated legend name. */
  name: string;
  query: MetricQuery;
  yAxis?: 0 | 1;
  /** A CloudWatch datapoint holds for its period: capacity-like metrics draw as steps. */
  step?: boolean;
  dashed?: boolean;
  area?: boolean;
  /** Multiplies values (e.g. seconds → milliseconds). */
  scale?: number;
  /** Index into the theme's series colours. */
  color?: number;
  /** A tone colour instead (ok/bad …), for health-like series. */
  tone?: Tone;
  /**
   * How a missing period is drawn: 'zero' for counts CloudWatch omits when zero, 'gap' (a break in
   * the line) otherwise. Default: from the metric (utils/missing-data.ts).
   */
  missing?: 'zero' | 'gap';
}

export interface MetricChartAxis {
  name: string;
  min?: number;
  max?: number;
  /** Whole numbers only (instances, hosts). */
  integer?: boolean;
  /** Suffix on axis labels and tooltips: ' %', ' ms'. */
  unit?: string;
  /** What a CSV header names for an axis without a `unit` when its name says more (its side: "… (right)"); default the name. */
  csvUnit?: string;
}

/**
 * The unit a series is drawn in, as a CSV header names it: the axis's unit ("ms", "%"), else its
 * csvUnit or name ("per minute", "Hosts"); empty when the chart names neither.
 */
export function seriesUnit(series: MetricChartSeries, axes: readonly MetricChartAxis[]): string {
  const axis = axes[Math.min(series.yAxis ?? 0, Math.max(0, axes.length - 1))];
  return axis?.unit?.trim() || axis?.csvUnit?.trim() || axis?.name.trim() || '';
}

/**
 * CSV columns carry what the chart shows: the same scale (TargetResponseTime in ms, not the seconds
 * CloudWatch stores) and the unit in the header ("Average (ms)"), so a value read off the chart is
 * the value in the file (docs/ui.md, "CSV export").
 */
export function csvColumns(series: readonly MetricChartSeries[], axes: readonly MetricChartAxis[], pointsOf: (s: MetricChartSeries) => readonly [number, number][]): CsvSeries[] {
  return series.map((s) => {
    const unit = seriesUnit(s, axes);
    const scale = s.scale ?? 1;
    const points = pointsOf(s);
    return { name: unit ? `${s.name} (${unit})` : s.name, points: scale === 1 ? points : points.map(([time, value]) => [time, value * scale] as [number, number]) };
  });
}

export type MarkerKind = 'activity' | 'alarm' | 'scheduled' | 'event';

export interface ChartMarker {
  /** Epoch ms. */
  time: number;
  kind: MarkerKind;
  /** Translated text shown on hover. */
  label: string;
  tone?: Tone;
}

export const MARKER_SERIES_ID = '__markers';

/** Room above the plot for the one-line legend, so it never covers lines or axis labels. */
export const CHART_GRID_TOP = 30;

/**
 * A series with gaps (CloudWatch publishes no zero for counts like HTTPCode_ELB_5XX_Count) draws its
 * points, so two datapoints an hour apart do not read as a continuous line: fewer than 60 % of the
 * periods between its first and last point are present (the period being the smallest step seen).
 */
export function isSparse(data: readonly [number, number][]): boolean {
  if (data.length < 3) return data.length > 0;
  let step = Infinity;
  for (let i = 1; i < data.length; i++) step = Math.min(step, data[i]![0] - data[i - 1]![0]);
  if (!(step > 0)) return false;
  const expected = (data[data.length - 1]![0] - data[0]![0]) / step + 1;
  return data.length < 0.6 * expected;
}

const MARKER_GLYPH: Record<MarkerKind, string> = { activity: '◆', alarm: '▲', scheduled: '◷', event: '●' };

export function markerGlyph(kind: MarkerKind): string {
  return MARKER_GLYPH[kind];
}

export function seriesColor(series: MetricChartSeries, index: number, theme: ChartTheme): string {
  const palette = PALETTES[theme];
  if (series.tone) return palette.tones[series.tone];
  return palette.series[(series.color ?? index) % palette.series.length]!;
}

/** Same markers, in the same order: a view that rebuilt an equal list needs no redraw. */
export function sameMarkers(a: readonly ChartMarker[] | undefined, b: readonly ChartMarker[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.time !== y.time || x.kind !== y.kind || x.label !== y.label || x.tone !== y.tone) return false;
  }
  return true;
}

export function markerOption(markers: readonly ChartMarker[], theme: ChartTheme, window: { from: number; to: number }) {
  const palette = PALETTES[theme];
  const visible = markers.filter((marker) => marker.time >= window.from && marker.time <= window.to);
  return {
    id: MARKER_SERIES_ID,
    type: 'line' as const,
    data: [] as [number, number][],
    silent: false,
    tooltip: { show: false },
    markLine: {
      symbol: ['none', 'none'],
      animation: false,
      label: { show: true, position: 'end' as const, distance: 2, fontSize: 10 },
      // What a marker is shows in the axis tooltip (inside the viewport), not as a canvas label that
      // the chart's edge clips.
      emphasis: { disabled: true },
      data: visible.map((marker) => {
        const color = palette.tones[marker.tone ?? 'info'];
        return {
          xAxis: marker.time,
          name: `${formatUtc(marker.time).slice(11, 16)} ${marker.label}`,
          lineStyle: { color, type: marker.kind === 'scheduled' ? ('dotted' as const) : ('dashed' as const), width: 1, opacity: 0.8 },
          label: { color, formatter: MARKER_GLYPH[marker.kind] },
        };
      }),
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function round(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return String(Math.round(value));
  if (abs >= 1) return String(Math.round(value * 10) / 10);
  return String(Math.round(value * 1000) / 1000);
}

export interface MetricOptionInput {
  series: readonly MetricChartSeries[];
  axes: readonly MetricChartAxis[];
  markers: readonly ChartMarker[];
  /** The current markers, read when the tooltip opens (live updates replace the markers, not the option). */
  markerSource?: () => readonly ChartMarker[];
  data: Record<string, [number, number | null][]>;
  /** Per series id: draw points (see isSparse); judged before downsampling. Defaults to isSparse(data). */
  sparse?: Record<string, boolean>;
  window: { from: number; to: number };
  theme: ChartTheme;
}

export function buildMetricOption(input: MetricOptionInput): ECOption {
  const palette = PALETTES[input.theme];
  const axisLabel = { color: palette.text, fontSize: 11 };
  const axes = input.axes.length > 0 ? input.axes : [{ name: '' }];
  const units = input.series.map((s) => axes[s.yAxis ?? 0]?.unit ?? '');
  return {
    useUTC: true,
    animation: false,
    backgroundColor: 'transparent',
    color: input.series.map((s, i) => seriesColor(s, i, input.theme)),
    // Axis names are shown in the chart's header (MetricChart), not here, where they collide with the legend.
    grid: { left: 8, right: 16, top: CHART_GRID_TOP, bottom: 4, containLabel: true },
    // One line above the plot; more series than fit scroll sideways instead of wrapping onto the lines.
    legend: { type: 'scroll', top: 0, left: 0, right: 0, icon: 'roundRect', itemWidth: 12, itemHeight: 3, pageIconSize: 10, textStyle: { color: palette.text, fontSize: 11 }, pageTextStyle: { color: palette.text }, data: input.series.map((s) => s.name) },
    tooltip: {
      trigger: 'axis',
      // Kept inside the chart, so a tooltip near an edge is never cut off.
      confine: true,
      axisPointer: { type: 'line', lineStyle: { color: palette.text } },
      valueFormatter: (value, dataIndex) => {
        void dataIndex;
        return typeof value === 'number' ? round(value) : String(value ?? '');
      },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0] as { value?: unknown } | undefined;
        const time = Array.isArray(first?.value) ? Number(first.value[0]) : NaN;
        const lines = list
          .filter((p) => (p as { seriesId?: string }).seriesId !== MARKER_SERIES_ID)
          .map((p) => {
            const item = p as { marker?: string; seriesName?: string; seriesIndex?: number; value?: unknown };
            const value = Array.isArray(item.value) ? Number(item.value[1]) : NaN;
            const unit = units[item.seriesIndex ?? 0] ?? '';
            return `${item.marker ?? ''}${item.seriesName ?? ''} <b>${Number.isFinite(value) ? round(value) : '—'}${unit}</b>`;
          });
        const tolerance = (input.window.to - input.window.from) / 120;
        const near = Number.isFinite(time) ? (input.markerSource?.() ?? input.markers).filter((marker) => Math.abs(marker.time - time) <= tolerance) : [];
        const markerLines = near.map((marker) => `${MARKER_GLYPH[marker.kind]} ${formatUtc(marker.time).slice(11, 16)} ${escapeHtml(marker.label)}`);
        return [Number.isFinite(time) ? `${formatUtc(time)} UTC` : '', ...lines, ...markerLines].filter(Boolean).join('<br>');
      },
    },
    // Inside zoom (wheel / drag) is linked across the view's charts by echarts.connect.
    dataZoom: [{ type: 'inside', filterMode: 'none', zoomOnMouseWheel: 'shift', moveOnMouseWheel: false }],
    xAxis: {
      type: 'time',
      min: input.window.from,
      max: input.window.to,
      axisLabel: { ...axisLabel, hideOverlap: true },
      axisLine: { lineStyle: { color: palette.axis } },
      axisPointer: { label: { formatter: ({ value }) => `${formatUtc(Number(value))} UTC` } },
      splitLine: { show: false },
    },
    yAxis: axes.map((axis, index) => ({
      type: 'value' as const,
      min: axis.min ?? 0,
      max: axis.max,
      minInterval: axis.integer ? 1 : undefined,
      axisLabel: { ...axisLabel, formatter: (value: number) => `${round(value)}${axis.unit ?? ''}` },
      splitLine: index === 0 ? { lineStyle: { color: palette.grid } } : { show: false },
    })),
    series: [
      ...input.series.map((s) => ({
        id: s.id,
        name: s.name,
        type: 'line' as const,
        yAxisIndex: Math.min(s.yAxis ?? 0, axes.length - 1),
        step: s.step ? ('end' as const) : undefined,
        showSymbol: input.sparse?.[s.id] ?? isSparse((input.data[s.id] ?? []).filter((p): p is [number, number] => p[1] !== null)),
        symbolSize: 4,
        lineStyle: { width: s.dashed ? 1.5 : 1.5, type: s.dashed ? ('dashed' as const) : ('solid' as const) },
        areaStyle: s.area ? { opacity: 0.12 } : undefined,
        emphasis: { disabled: true },
        data: input.data[s.id] ?? [],
      })),
      markerOption(input.markers, input.theme, input.window),
    ],
  };
}
