/**
 * A cross-process lock around a short read-modify-write of one file (proper-lockfile: an atomic
 * `mkdir <file>.lock`, which works on local and network file systems, with a stale-lock takeover
 * based on the lock's mtime). Synchronous on purpose: the settings store is synchronous and holds
 * the lock only for one read, one merge and one atomic rename — milliseconds.
 *
 * proper-lockfile's sync API has no retries, so we retry here with a short blocking sleep. A lock
 * left behind by a process that crashed is taken over once it is older than `staleMs`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

export interface FileLockOptions {
  /** A lock older than this is considered abandoned (proper-lockfile's minimum is 2 s). */
  staleMs?: number;
  /** How long to wait for another process before giving up with an error. */
  waitMs?: number;
  now?: () => number;
}

export class FileLockTimeout extends Error {}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

export function withFileLock<T>(file: string, work: () => T, options: FileLockOptions = {}): T {
  const staleMs = Math.max(options.staleMs ?? 5000, 2000);
  // Long enough to outlast a stale lock, so one call recovers from a crashed writer.
  const waitMs = options.waitMs ?? staleMs + 2000;
  const now = options.now ?? Date.now;
  mkdirSync(dirname(file), { recursive: true });
  const deadline = now() + waitMs;
  let release: (() => void) | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      release = lockfile.lockSync(file, {
        realpath: false,
        stale: staleMs,
        // The mtime refresher cannot run while we hold the lock synchronously; never let a
        // "compromised" report throw inside a timer and take the host down.
        onCompromised: () => undefined,
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (now() >= deadline) throw new FileLockTimeout(`${file} is locked by another Flightdeck process (waited ${Math.round(waitMs / 1000)} s); try again.`);
      // Short, growing, jittered waits: two writers that collided do not collide again in step.
      sleepSync(Math.min(2 + attempt * 2, 50) + Math.floor(Math.random() * 5));
    }
  }
  try {
    return work();
  } finally {
    release();
  }
}
