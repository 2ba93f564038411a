import { describe, expect, it } from 'vitest';
import { MetricRingBuffer } from '@/utils/ring-buffer';
import { SeriesWindow } from '@/utils/series-window';

describe('SeriesWindow', () => {
  it('appends new points, revises the newest and drops what the ring buffer dropped, without rebuilding', () => {
    const buffer = new MetricRingBuffer(4);
    for (let t = 0; t < 3; t++) buffer.push(t * 60, t);
    const window = new SeriesWindow();
    expect(window.sync(buffer)).toBe(true);
    const array = window.data;
    expect(window.sync(buffer)).toBe(false); // nothing new

    buffer.push(120, 20); // CloudWatch revises the newest period
    buffer.push(180, 3);
    buffer.push(240, 4); // capacity 4: the point at 0 is dropped
    expect(window.sync(buffer)).toBe(true);
    expect(window.data).toBe(array); // same array, appended in place
    expect(window.data).toEqual(buffer.toChartData());
    expect(window.data).toEqual([
      [60_000, 1],
      [120_000, 20],
      [180_000, 3],
      [240_000, 4],
    ]);
  });

  it('starts again after the buffer is cleared and refilled (a new snapshot)', () => {
    const buffer = new MetricRingBuffer(10);
    buffer.push(600, 1);
    const window = new SeriesWindow();
    window.sync(buffer);
    buffer.clear();
    buffer.push(60, 5);
    expect(window.sync(buffer)).toBe(true);
    expect(window.data).toEqual([[60_000, 5]]);
  });

  it('follows a different buffer and an absent one', () => {
    const window = new SeriesWindow();
    expect(window.sync(undefined)).toBe(false);
    const buffer = new MetricRingBuffer(3);
    buffer.push(1, 1);
    expect(window.sync(buffer)).toBe(true);
    expect(window.sync(undefined)).toBe(true);
    expect(window.data).toEqual([]);
  });
});
