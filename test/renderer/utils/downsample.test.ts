import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downsampleMinMax, lowerBound, sliceWindow, type Point } from '@/utils/downsample';

const series = (values: number[]): Point[] => values.map((value, i) => [i * 60_000, value]);

describe('downsampleMinMax', () => {
  it('returns small series unchanged', () => {
    const points = series([1, 2, 3]);
    expect(downsampleMinMax(points, 10)).toBe(points);
  });

  it('keeps a one-point spike in a long flat series', () => {
    const values = Array.from({ length: 3600 }, () => 10);
    values[1234] = 500; // a one-minute 5XX burst in 60 hours
    values[2999] = -3;
    const out = downsampleMinMax(series(values), 200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(Math.max(...out.map((p) => p[1]))).toBe(500);
    expect(Math.min(...out.map((p) => p[1]))).toBe(-3);
    expect(out).toContainEqual([1234 * 60_000, 500]);
  });

  it('keeps the first and last point and time order', () => {
    const out = downsampleMinMax(series(Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7))), 100);
    expect(out[0]).toEqual([0, 0]);
    expect(out.at(-1)![0]).toBe(999 * 60_000);
    for (let i = 1; i < out.length; i++) expect(out[i]![0]).toBeGreaterThan(out[i - 1]![0]);
  });

  it('never loses the global extremes and never exceeds the budget (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 4, max: 500 }), (values, budget) => {
        const out = downsampleMinMax(series(values), budget);
        expect(out.length).toBeLessThanOrEqual(Math.max(budget, values.length <= budget ? values.length : budget));
        const outValues = out.map((p) => p[1]);
        expect(Math.max(...outValues)).toBe(Math.max(...values));
        expect(Math.min(...outValues)).toBe(Math.min(...values));
      }),
      { numRuns: 200 },
    );
  });
});

describe('windows', () => {
  it('finds the first point at or after a time, and slices without copying when nothing is cut', () => {
    const points = series([1, 2, 3, 4]);
    expect(lowerBound(points, 60_000)).toBe(1);
    expect(lowerBound(points, 61_000)).toBe(2);
    expect(sliceWindow(points, 60_000, 120_000)).toEqual([
      [60_000, 2],
      [120_000, 3],
    ]);
    expect(sliceWindow(points, -1, 1e9)).toBe(points);
  });
});
