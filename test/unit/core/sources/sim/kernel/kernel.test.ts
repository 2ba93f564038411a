import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRandom } from '@main/core/sources/sim/kernel/random';
import { EventQueue } from '@main/core/sources/sim/kernel/event-queue';
import { BoundedLog } from '@main/core/sources/sim/kernel/bounded-log';
import { formatDuration, parseDuration } from '@main/core/sources/sim/kernel/duration';

describe('seeded random streams', () => {
  it('gives the same sequence for the same seed and stream', () => {
    const a = createRandom(42, 'traffic');
    const b = createRandom(42, 'traffic');
    const drawsA = Array.from({ length: 100 }, () => a.next());
    const drawsB = Array.from({ length: 100 }, () => b.next());
    expect(drawsA).toEqual(drawsB);
  });

  it('draws exactly the sequence it always drew (a faster generator must not change a single report byte)', () => {
    // Captured from the closure-variable sfc32 before its state moved into a Uint32Array (issue 15).
    const random = createRandom(42, 'traffic');
    const draws: string[] = [];
    for (let i = 0; i < 10_000; i++) draws.push(String(i % 3 === 0 ? random.next() : i % 3 === 1 ? random.normal() : random.hex(17)));
    expect(draws.slice(0, 4)).toEqual(['0.03969995002262294', '0.6085519106947699', 'f79ff550cef51befe', '0.10310765635222197']);
    expect(createHash('sha256').update(draws.join(',')).digest('hex')).toBe('a9eeb1646611df6077907d7a88e297bce61924f55e21f60c34b1e3b701764bed');
  });

  it('gives different sequences for different seeds or stream names', () => {
    const base = createRandom(42, 'traffic').next();
    expect(createRandom(43, 'traffic').next()).not.toBe(base);
    expect(createRandom(42, 'cpu').next()).not.toBe(base);
  });

  it('stays in range and is roughly uniform', () => {
    const random = createRandom(1, 'uniform');
    const buckets = new Array(10).fill(0);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < 100_000; i++) {
      const value = random.next();
      min = Math.min(min, value);
      max = Math.max(max, value);
      buckets[Math.floor(value * 10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(600);
  });

  it('draws normals with mean 0 and sd 1', () => {
    const random = createRandom(9, 'normal');
    const values = Array.from({ length: 50_000 }, () => random.normal());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sd - 1)).toBeLessThan(0.02);
  });

  it('makes hex ids of the requested length', () => {
    expect(createRandom(1, 'ids').hex(17)).toMatch(/^[0-9a-f]{17}$/);
  });
});

describe('event queue', () => {
  it('orders by time, then by the order events were scheduled', () => {
    const queue = new EventQueue<string>();
    queue.schedule(20, 'c');
    queue.schedule(10, 'a');
    queue.schedule(10, 'b');
    queue.schedule(30, 'd');
    expect(queue.popDue(20)).toEqual(['a', 'b', 'c']);
    expect(queue.peekTime()).toBe(30);
    expect(queue.popDue(29)).toEqual([]);
    expect(queue.popDue(30)).toEqual(['d']);
    expect(queue.size).toBe(0);
  });

  it('keeps scheduling order among many simultaneous events', () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 1000; i++) queue.schedule(5, i);
    expect(queue.popDue(5)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('a cancelled event never runs, is not counted, and no longer sets the next time', () => {
    const queue = new EventQueue<string>();
    const early = queue.schedule(10, 'early');
    queue.schedule(20, 'late');
    expect(queue.size).toBe(2);
    early.cancel();
    early.cancel(); // twice is harmless
    expect(early.done).toBe(true);
    expect(queue.size).toBe(1);
    expect(queue.peekTime()).toBe(20);
    expect(queue.popDue(30)).toEqual(['late']);
    expect(queue.size).toBe(0);
  });

  it('an event cancelled by an earlier one due at the same instant does not run; cancelling the past does nothing', () => {
    const queue = new EventQueue<() => void>();
    const ran: string[] = [];
    const first = queue.schedule(5, () => {
      ran.push('first');
      second.cancel();
    });
    const second = queue.schedule(5, () => ran.push('second'));
    queue.schedule(5, () => ran.push('third'));
    queue.runDue(5, (action) => action());
    expect(ran).toEqual(['first', 'third']);
    first.cancel();
    expect(queue.size).toBe(0);
  });
});

describe('bounded log', () => {
  it('keeps the newest entries, oldest first, at most its capacity, however many were pushed', () => {
    const log = new BoundedLog<number>(100);
    for (let i = 0; i < 1234; i++) {
      log.push(i);
      expect(log.length).toBe(Math.min(i + 1, 100));
    }
    expect(log.items).toEqual(Array.from({ length: 100 }, (_, k) => 1134 + k));
  });
});

describe('durations', () => {
  it.each([
    ['90s', 90],
    ['10m', 600],
    ['2h', 7200],
    ['1d', 86_400],
    ['1h30m', 5400],
    ['250ms', 0.25],
    ['45', 45],
  ])('parses %s as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '2x', 'h', '-5m', '1.5.2h'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('formats whole units', () => {
    expect(formatDuration(7200)).toBe('2h');
    expect(formatDuration(600)).toBe('10m');
    expect(formatDuration(42)).toBe('42s');
  });
});
