/** A core on the bundled shop scenario, paused, with a fake wall clock: tests drive time themselves. */
import { FlightdeckCore } from '../../src-main/core/core-host';
import { readScenario } from '../../src-main/core/scenario-files';
import { SimSource } from '../../src-main/core/sources/sim/sim-source';
import type { WallClock } from '../../src-main/core/wall-clock';

export function manualWallClock(): WallClock & { tick(ms: number): void } {
  let now = 0;
  const callbacks = new Set<{ every: number; due: number; callback: () => void }>();
  return {
    now: () => now,
    every(ms, callback) {
      const entry = { every: ms, due: now + ms, callback };
      callbacks.add(entry);
      return () => callbacks.delete(entry);
    },
    tick(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...callbacks].sort((a, b) => a.due - b.due)[0];
        if (!next || next.due > end) break;
        now = next.due;
        next.due += next.every;
        next.callback();
      }
      now = end;
    },
  };
}

export function shopCore(options: { paused?: boolean; speed?: number } = {}) {
  const wallClock = manualWallClock();
  const source = new SimSource(readScenario('shop'), { wallClock, paused: options.paused ?? true, speed: options.speed ?? 60 });
  const core = new FlightdeckCore(source);
  return { core, source, wallClock };
}
