import { describe, expect, it } from 'vitest';
import { isoTime } from '@main/core/sources/sim/kernel/iso-time';

const viaDate = (ms: number) => new Date(ms).toISOString();

describe('isoTime: the characters of Date.toISOString', () => {
  it('matches Date at day, hour, minute and second edges and at the ends of its range', () => {
    const day = 86_400_000;
    const start = Date.UTC(2026, 10, 20);
    const edges = [0, 1, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, day - 1, day, day + 1, start, start - 1, start + 10_000, Date.UTC(2028, 1, 29, 23, 59, 59, 999), Date.UTC(2100, 2, 1), 253_402_300_799_999];
    for (const ms of edges) expect(isoTime(ms), String(ms)).toBe(viaDate(ms));
  });

  it('matches Date for times in any order, repeated or not (its remembered day and time never leak)', () => {
    // A fixed sequence (an LCG), jumping between days and repeating times as the simulator's readers do.
    let state = 12345;
    const nextInt = (bound: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % bound;
    };
    const base = Date.UTC(2026, 10, 20);
    let previous = base;
    for (let i = 0; i < 20_000; i++) {
      const ms = nextInt(4) === 0 ? previous : base + nextInt(7 * 86_400) * 1000 + (nextInt(3) === 0 ? nextInt(1000) : 0);
      expect(isoTime(ms)).toBe(viaDate(ms));
      previous = ms;
    }
  });

  it('leaves what is not a whole millisecond from 1970 to 9999 to Date (expanded years, fractions, before 1970)', () => {
    for (const ms of [-1, -86_400_001, 1.5, 253_402_300_800_000, 8.64e15]) expect(isoTime(ms), String(ms)).toBe(viaDate(ms));
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
  });
});
