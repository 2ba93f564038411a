/**
 * The one way this app draws a chart (after soybean-admin's `useEcharts`): tree-shaken ECharts,
 * a non-reactive instance, resize with the container, theme switching and disposal in one place.
 * Callers give a full option once (`build`) and afterwards push only what changed (`update`), so a
 * live chart never rebuilds its instance or re-sends its axes for every datapoint.
 */
import * as echarts from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { markRaw, onBeforeUnmount, onMounted, ref, toValue, watch, type MaybeRefOrGetter } from 'vue';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

export type ECOption = echarts.ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | DataZoomComponentOption
>;

export type ChartTheme = 'light' | 'dark';

export interface UseChartOptions {
  /** The complete option: used at mount and again on theme changes and refresh(). */
  build: () => ECOption;
  theme?: MaybeRefOrGetter<ChartTheme>;
}

/** ECharts' built-in names: 'default' is the light theme. */
const themeName = (theme: ChartTheme): string => (theme === 'dark' ? 'dark' : 'default');

export function useChart(options: UseChartOptions) {
  /** Bind with `ref="el"` on an empty element that has a height. */
  const el = ref<HTMLElement | null>(null);
  let chart: echarts.ECharts | undefined;
  let observer: ResizeObserver | undefined;

  onMounted(() => {
    if (!el.value) return;
    chart = markRaw(echarts.init(el.value, themeName(toValue(options.theme) ?? 'light'), { renderer: 'canvas' }));
    chart.setOption(options.build());
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => chart?.resize());
      observer.observe(el.value);
    }
  });

  watch(
    () => toValue(options.theme),
    (theme) => {
      if (!chart || !theme) return;
      chart.setTheme(themeName(theme));
      // Theme defaults lose to explicit colours in the option, so re-apply the option built for the new theme.
      chart.setOption(options.build());
    },
  );

  onBeforeUnmount(() => {
    observer?.disconnect();
    observer = undefined;
    chart?.dispose();
    chart = undefined;
  });

  /** Merges a partial option (by series id); drawn on the next frame, so bursts of Updates coalesce. */
  function update(partial: ECOption): void {
    chart?.setOption(partial, { lazyUpdate: true });
  }

  /** Re-applies the full option, e.g. after the language changed the axis names. */
  function refresh(): void {
    chart?.setOption(options.build());
  }

  return { el, update, refresh, instance: () => chart };
}
