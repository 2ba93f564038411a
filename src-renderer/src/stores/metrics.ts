/**
 * Metric series as bounded ring buffers. The buffers live outside Vue's reactivity (markRaw): a
 * deep proxy over thousands of points would cost more than drawing them. Readers depend on
 * `version`, which moves once per load or Update that changed anything.
 */
import { defineStore } from 'pinia';
import { markRaw, ref } from 'vue';
import type { MetricKey, MetricSeries } from '@contract';
import { MetricRingBuffer } from '@/utils/ring-buffer';
import { queryKey, seriesKey, type MetricQuery } from '@/utils/metric-key';

/** One day of one-minute periods. */
export const MAX_POINTS_PER_SERIES = 1440;

export const useMetricsStore = defineStore('metrics', () => {
  const buffers = markRaw(new Map<string, { key: MetricKey; buffer: MetricRingBuffer }>());
  /** queryKey (no period) → series keys, so views can ask without knowing the period. */
  const index = markRaw(new Map<string, string[]>());
  const version = ref(0);
  let capacity = MAX_POINTS_PER_SERIES;

  /**
   * Points kept per series from now on (existing buffers keep theirs). One day of one-minute periods
   * by default; higher-resolution sources or the renderer bench keep more.
   */
  function setCapacity(points: number): void {
    capacity = Math.max(1, Math.floor(points));
  }

  function bufferFor(series: MetricKey): MetricRingBuffer {
    const key = seriesKey(series);
    let entry = buffers.get(key);
    if (!entry) {
      const { namespace, metricName, dimensions, stat, period } = series;
      entry = { key: { namespace, metricName, dimensions: { ...dimensions }, stat, period }, buffer: new MetricRingBuffer(capacity) };
      buffers.set(key, entry);
      const lookup = queryKey(series);
      index.set(lookup, [...(index.get(lookup) ?? []), key]);
    }
    return entry.buffer;
  }

  function pushAll(series: MetricSeries): boolean {
    const buffer = bufferFor(series);
    let changed = false;
    for (const [time, value] of series.points) changed = buffer.push(time, value) || changed;
    return changed;
  }

  /** A snapshot replaces everything: after a reconnect the history may have moved on. */
  function load(all: readonly MetricSeries[]): void {
    // Clear rather than drop buffers, so a chart holding one sees it change (its version moves).
    for (const { buffer } of buffers.values()) buffer.clear();
    for (const series of all) pushAll(series);
    version.value++;
  }

  function append(updates: readonly MetricSeries[]): void {
    let changed = false;
    for (const series of updates) changed = pushAll(series) || changed;
    if (changed) version.value++;
  }

  /** The series for a query; without a period, the finest one the source publishes. */
  function find(query: MetricQuery): MetricRingBuffer | undefined {
    void version.value; // a reader inside computed/watch re-runs when series appear
    const keys = index.get(queryKey(query)) ?? [];
    let best: { key: MetricKey; buffer: MetricRingBuffer } | undefined;
    for (const key of keys) {
      const entry = buffers.get(key);
      if (!entry) continue;
      if (query.period !== undefined && entry.key.period !== query.period) continue;
      if (!best || entry.key.period < best.key.period) best = entry;
    }
    return best?.buffer;
  }

  function seriesCount(): number {
    void version.value;
    return buffers.size;
  }

  return { version, setCapacity, load, append, find, seriesCount };
});
