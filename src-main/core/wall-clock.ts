/**
 * Real time, injected into whatever paces the simulator against the wall. The engine itself never
 * sees it (ESLint forbids Date.now and timers under sources/sim/kernel and the engine).
 */
export interface WallClock {
  now(): number;
  every(ms: number, callback: () => void): () => void;
  /**
   * Runs `callback` once the host has handled what is waiting (sockets, requests, file reads):
   * lets a long simulation frame give way in slices (sim-source.ts). Without it a frame runs in
   * one go (tests that drive the clock by hand).
   */
  defer?(callback: () => void): void;
}

export const systemWallClock: WallClock = {
  now: () => performance.now(),
  every(ms, callback) {
    const handle = setInterval(callback, ms);
    return () => clearInterval(handle);
  },
  // setImmediate runs after the event loop's poll phase: the I/O that arrived during a slice is
  // answered before the next slice starts.
  defer: (callback) => void setImmediate(callback),
};
