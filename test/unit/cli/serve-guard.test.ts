/**
 * `serve` keeps serving through errors nobody awaited (guardProcess), and a standard output or error
 * whose reader went away (`flightdeck serve | head`) is let go: logging the EPIPE to the same closed
 * pipe failed again, a busy loop at a quarter of a core that SIGTERM did not end.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { guardProcess } from '@main/cli/serve';

const epipe = () => Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
let guard: { dispose(): void } | undefined;
afterEach(() => guard?.dispose());

describe('guardProcess', () => {
  it('lets a closed standard output or error go without logging to it', () => {
    const logged: string[] = [];
    guard = guardProcess((message) => logged.push(message));
    expect(() => process.stdout.emit('error', epipe())).not.toThrow();
    expect(() => process.stderr.emit('error', epipe())).not.toThrow();
    expect(logged).toEqual([]);
  });

  it('still logs any other error of theirs', () => {
    const logged: string[] = [];
    guard = guardProcess((message) => logged.push(message));
    process.stderr.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }));
    expect(logged).toEqual([expect.stringContaining('write EIO')]);
  });
});
