/**
 * What a view's charts share: the time range, whether auto-refresh is paused, and the echarts
 * connect group that links their crosshairs and zoom. The view provides it once; each chart injects
 * it, so a picker at the top of the view drives every chart below it.
 */
import { inject, onBeforeUnmount, provide, ref, type InjectionKey, type Ref } from 'vue';
import { DEFAULT_RANGE, type TimeRange } from '@/utils/time-range';
import { disconnectGroup } from './use-chart';

export interface ChartGroup {
  id: string;
  range: Ref<TimeRange>;
  /** Auto-refresh paused: charts keep what they show until resumed. */
  paused: Ref<boolean>;
  /** Some chart of the group is zoomed in (Shift+wheel or drag): the toolbar shows it with a reset. */
  zoomed: Ref<boolean>;
  /** Incremented to ask every chart of the group to zoom back out. */
  zoomResets: Ref<number>;
}

const KEY: InjectionKey<ChartGroup> = Symbol('chart-group');
let counter = 0;

export function createChartGroup(range: TimeRange = DEFAULT_RANGE): ChartGroup {
  return { id: `fd-charts-${++counter}`, range: ref(range), paused: ref(false), zoomed: ref(false), zoomResets: ref(0) };
}

export function provideChartGroup(range?: TimeRange): ChartGroup {
  const group = createChartGroup(range);
  provide(KEY, group);
  onBeforeUnmount(() => disconnectGroup(group.id));
  return group;
}

/** Zooms every chart of the group back out. */
export function resetZoom(group: ChartGroup): void {
  group.zoomed.value = false;
  group.zoomResets.value++;
}

/** A chart outside any group gets its own (unlinked, last hour, live). */
export function useChartGroup(): ChartGroup {
  return inject(KEY, null) ?? createChartGroup();
}
