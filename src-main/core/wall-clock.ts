/**
 * Real time, injected into whatever paces the simulator against the wall. The engine itself never
 * sees it (ESLint forbids Date.now and timers under sources/sim/kernel and the engine).
 */
export interface WallClock {
  now(): number;
  every(ms: number, callback: () => void): () => void;
}

export const systemWallClock: WallClock = {
  now: () => performance.now(),
  every(ms, callback) {
    const handle = setInterval(callback, ms);
    return () => clearInterval(handle);
  },
};
