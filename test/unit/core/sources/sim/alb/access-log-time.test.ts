import { describe, expect, it } from 'vitest';
import { isoTime } from '@main/core/sources/sim/alb/access-log';

/**
 * The access log's entry time keeps the formatted minute from call to call (issue 15 item 6): it must
 * be exactly what Date#toISOString gives, whatever order the times come in.
 */
describe('access-log entry time (ALB-9)', () => {
  it('equals toISOString for whole milliseconds in and across minutes, in any order', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const start = Date.UTC(2026, 10, 20);
    const times = [0, -1, -60_000, 59_999, 60_000, 1_000, 9, 99, 999, start, start + 9_999, Date.UTC(10_000, 0, 1, 0, 0, 7, 5), Date.UTC(-5, 0, 1, 0, 0, 1, 2)];
    for (let i = 0; i < 5_000; i++) times.push(start + Math.floor(next() * 86_400_000), start + Math.floor(i / 50) * 60_000 + Math.floor(next() * 10_000));
    for (const at of times) expect(isoTime(at)).toBe(new Date(at).toISOString());
  });

  it('formats a fractional millisecond as Date does (truncated)', () => {
    expect(isoTime(1.5)).toBe(new Date(1.5).toISOString());
    expect(isoTime(-0.5)).toBe(new Date(-0.5).toISOString());
  });
});
