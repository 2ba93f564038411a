// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MetricRingBuffer } from '@/utils/ring-buffer';

describe('MetricRingBuffer', () => {
  it('keeps the newest points up to its capacity, oldest first', () => {
    const buffer = new MetricRingBuffer(3);
    for (let t = 1; t <= 5; t++) buffer.push(t * 60, t);
    expect(buffer.length).toBe(3);
    expect(buffer.toPoints()).toEqual([
      [180, 3],
      [240, 4],
      [300, 5],
    ]);
    expect(buffer.toChartData()[0]).toEqual([180_000, 3]);
  });

  it('replaces the latest period, ignores older points, and moves its version only on change', () => {
    const buffer = new MetricRingBuffer(10);
    buffer.push(60, 1);
    buffer.push(120, 2);
    const version = buffer.version;
    expect(buffer.push(120, 2)).toBe(false);
    expect(buffer.push(60, 9)).toBe(false);
    expect(buffer.version).toBe(version);
    expect(buffer.push(120, 3)).toBe(true);
    expect(buffer.toPoints()).toEqual([
      [60, 1],
      [120, 3],
    ]);
    expect(buffer.version).toBe(version + 1);
  });
});
