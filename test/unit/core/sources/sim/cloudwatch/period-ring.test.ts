import { describe, expect, it } from 'vitest';
import { PeriodRing, WholeColumn } from '@main/core/sources/sim/cloudwatch/period-ring';

/** Issue 15: starts and counts in 4-byte columns must read back exactly what was written, whatever it is. */
describe('period ring columns (a series’ closed periods)', () => {
  it('a whole column keeps whole numbers in 4 bytes and widens, exactly, for the first value that is not', () => {
    const column = new WholeColumn(6);
    const values = [3, -7, 2 ** 31 - 1, 0.25, 2 ** 40, -0];
    values.forEach((value, i) => column.set(i, value));
    expect(values.map((_, i) => column.get(i))).toEqual(values);
    expect(Object.is(column.get(5), -0)).toBe(true);
  });

  it('CW-1: starts and counts read back as pushed, through the ring wrapping, fractional counts and far-apart starts', () => {
    const ring = new PeriodRing(4);
    const pushed: [number, number][] = [
      [1_795_000_000, 6],
      [1_795_000_060, 1],
      [1_795_000_180, 2.5],
      [1_795_000_240, 12],
      [1_795_000_300, 6],
      [9.5e15, 3], // far beyond an Int32 offset from the first start
      [0.1, 1],
    ];
    for (const [start, count] of pushed) {
      ring.push(start, count, count * 2, 1, 3);
      const kept = pushed.slice(0, pushed.indexOf(pushed.find(([s]) => s === start)!) + 1).slice(-4);
      expect(Array.from({ length: ring.length }, (_, k) => [ring.start(ring.slot(k)), ring.count.get(ring.slot(k))])).toEqual(kept);
    }
  });
});
