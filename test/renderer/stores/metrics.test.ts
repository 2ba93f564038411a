// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { isReactive } from 'vue';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_POINTS_PER_SERIES, useMetricsStore } from '@/stores/metrics';

import { GROUP, capacityQueries, capacitySeries, minutes, series } from '../support/fixtures';

beforeEach(() => setActivePinia(createPinia()));

describe('metrics store', () => {
  it('loads a snapshot and finds series regardless of dimension order or period', () => {
    const metrics = useMetricsStore();
    metrics.load(capacitySeries(0, 10));
    const cpu = metrics.find(capacityQueries(GROUP).cpu);
    expect(cpu?.length).toBe(10);
    expect(metrics.find({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { AutoScalingGroupName: 'other' }, stat: 'Average' })).toBeUndefined();
    expect(metrics.seriesCount()).toBe(3);
  });

  it('appends update points within the bound and bumps the version once per change', () => {
    const metrics = useMetricsStore();
    metrics.load(capacitySeries(0, MAX_POINTS_PER_SERIES - 5));
    const before = metrics.version;
    metrics.append(capacitySeries(MAX_POINTS_PER_SERIES - 5, 20));
    expect(metrics.version).toBe(before + 1);
    const desired = metrics.find(capacityQueries(GROUP).desired)!;
    expect(desired.length).toBe(MAX_POINTS_PER_SERIES);
    const points = desired.toPoints();
    expect(points[points.length - 1]![0]).toBe(minutes(MAX_POINTS_PER_SERIES + 14, 1, () => 0)[0]![0]);
    // The oldest 15 minutes fell off the front.
    expect(points[0]![0]).toBe(minutes(15, 1, () => 0)[0]![0]);

    // An update with nothing new does not wake the charts.
    metrics.append(capacitySeries(MAX_POINTS_PER_SERIES + 14, 1));
    expect(metrics.version).toBe(before + 1);
  });

  it('holds buffers outside deep reactivity', () => {
    const metrics = useMetricsStore();
    metrics.load([series('CPUUtilization', 'AWS/EC2', minutes(0, 3, () => 10))]);
    expect(isReactive(metrics.find(capacityQueries(GROUP).cpu))).toBe(false);
  });

  it('clears old history when a new snapshot loads', () => {
    const metrics = useMetricsStore();
    metrics.load(capacitySeries(0, 10));
    const buffer = metrics.find(capacityQueries(GROUP).desired)!;
    metrics.load(capacitySeries(100, 2));
    expect(buffer.toPoints().map(([time]) => time)).toEqual(minutes(100, 2, () => 0).map(([time]) => time));
  });
});
