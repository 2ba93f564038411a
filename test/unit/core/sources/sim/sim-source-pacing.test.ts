/**
 * Back-pressure on the producer (issue 15 item 5): when the machine cannot simulate as fast as the
 * speed asks (scale-1000 at ×3600 on a busy laptop), a frame stops when its share of wall time is
 * spent and the clock falls behind; the next frame does not inherit the backlog. Without this every
 * late frame had more to simulate than the one before and the web host stopped answering.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '@main/core/scenario-files';
import { SimSource } from '@main/core/sources/sim/sim-source';
import type { WallClock } from '@main/core/wall-clock';

/** A wall clock on which reading the time costs `msPerRead` (as each simulated tick costs real time). */
function slowMachine(msPerRead: number) {
  let now = 0;
  let callback: (() => void) | undefined;
  const clock: WallClock & { frame(): void } = {
    now: () => (now += msPerRead),
    every: (_ms, run) => {
      callback = run;
      return () => (callback = undefined);
    },
    /** 250 ms of wall time pass, then the frame runs. */
    frame: () => {
      now += 250;
      callback?.();
    },
  };
  return clock;
}

describe('SimSource pacing on a machine slower than the speed', () => {
  it('a frame stops at its wall-time budget and the clock falls behind instead of piling up', () => {
    // Each tick (10 s simulated) "costs" 50 ms: a 250 ms frame at ×3600 asks for 90 ticks (4.5 s).
    const wallClock = slowMachine(50);
    const source = new SimSource(readScenario('shop'), { wallClock, speed: 3600, frameMs: 250 });
    source.start();
    const start = source.clock().now;
    const advanced: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = source.clock().now;
      wallClock.frame();
      advanced.push(source.clock().now - before);
    }
    // Every frame simulates a few ticks (its 150 ms budget), never the growing backlog.
    expect(Math.max(...advanced)).toBeLessThanOrEqual(10 * 10_000);
    expect(Math.min(...advanced)).toBeGreaterThan(0);
    expect(source.clock().now - start).toBeLessThan(5 * 90 * 10_000);
    source.stop();
  });
});

describe('SimSource reports the speed it reaches (SimClock.pace)', () => {
  it('says how far below the asked speed a slow machine runs, instead of repeating the speed asked', () => {
    const wallClock = slowMachine(50);
    const source = new SimSource(readScenario('shop'), { wallClock, speed: 3600, frameMs: 250 });
    source.start();
    expect(source.clock().pace).toBeUndefined();
    for (let i = 0; i < 60; i++) wallClock.frame();
    const clock = source.clock();
    expect(clock.speed).toBe(3600);
    // Measured against the wall clock the frames ran on: far below ×3600, above nothing.
    expect(clock.pace).toBeGreaterThan(0);
    expect(clock.pace).toBeLessThan(3600 / 2);
    source.stop();
  });

  it('reads close to the asked speed on a machine that keeps up, and forgets it on a pause or a speed change', () => {
    const wallClock = slowMachine(0.001);
    const source = new SimSource(readScenario('shop'), { wallClock, speed: 60, frameMs: 250 });
    source.start();
    for (let i = 0; i < 60; i++) wallClock.frame();
    expect(source.clock().pace).toBeGreaterThan(50);
    expect(source.clock().pace).toBeLessThanOrEqual(61);
    source.setSpeed(600);
    expect(source.clock().pace).toBeUndefined();
    for (let i = 0; i < 60; i++) wallClock.frame();
    expect(source.clock().pace).toBeGreaterThan(500);
    source.pause();
    expect(source.clock().pace).toBeUndefined();
    source.stop();
  });
});
