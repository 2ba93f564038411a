/**
 * Review-attack t11: a FIFO (or any non-regular file) at a path in the config directory must not
 * hang the host: open(2) and read(2) of a FIFO block for good, and SIGTERM cannot end a synchronous
 * read. Each file is opened non-blocking and read only when it is a regular file of bounded size.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAST_SESSION_FILE, LastSessionStore } from '@main/core/session/last-session';
import { readBoundedRegularFile } from '@main/core/settings/bounded-file';
import { HEALTH_THRESHOLDS_FILE, HealthThresholdStore } from '@main/core/settings/health-thresholds-store';
import { DEFAULT_HEALTH_THRESHOLDS } from '@main/core/contract/model-health';

const temp = () => mkdtempSync(join(tmpdir(), 'fd-config-fifo-'));
const fifoAt = (path: string) => execFileSync('mkfifo', [path]);

describe.skipIf(process.platform === 'win32')('a FIFO in the config directory', () => {
  it('last-session.json: start in the simulator (undefined), without blocking', () => {
    const dir = temp();
    fifoAt(join(dir, LAST_SESSION_FILE));
    expect(new LastSessionStore(dir).read()).toBeUndefined();
  });

  it('health-thresholds.json: the defaults apply and the problem is reported', () => {
    const dir = temp();
    fifoAt(join(dir, HEALTH_THRESHOLDS_FILE));
    const store = new HealthThresholdStore(dir);
    expect(store.get()).toEqual(DEFAULT_HEALTH_THRESHOLDS);
    expect(store.loadProblem).toMatchObject({ file: join(dir, HEALTH_THRESHOLDS_FILE), detail: 'not a regular file' });
  });

  it('readBoundedRegularFile names what it found: missing, not a file, too large, read', () => {
    const dir = temp();
    fifoAt(join(dir, 'fifo'));
    writeFileSync(join(dir, 'big'), 'x'.repeat(101));
    writeFileSync(join(dir, 'small'), '{"a":1}');
    expect(readBoundedRegularFile(join(dir, 'none'), 100)).toEqual({ kind: 'missing' });
    expect(readBoundedRegularFile(join(dir, 'fifo'), 100)).toEqual({ kind: 'not-a-file' });
    expect(readBoundedRegularFile(dir, 100)).toMatchObject({ kind: expect.stringMatching(/not-a-file|unreadable/) });
    expect(readBoundedRegularFile('/dev/zero', 100)).toEqual({ kind: 'not-a-file' });
    expect(readBoundedRegularFile(join(dir, 'big'), 100)).toEqual({ kind: 'too-large', size: 101 });
    expect(readBoundedRegularFile(join(dir, 'small'), 100)).toMatchObject({ kind: 'read', text: '{"a":1}' });
  });
});

describe('health-thresholds.json that cannot be used (review-attack t29)', () => {
  it('a field of the wrong type: moved aside, defaults, and the problem says which field and where the copy is', () => {
    const dir = temp();
    writeFileSync(join(dir, HEALTH_THRESHOLDS_FILE), JSON.stringify({ ...DEFAULT_HEALTH_THRESHOLDS, minRequests: 'ten' }));
    const store = new HealthThresholdStore(dir, () => Date.UTC(2026, 11, 7));
    expect(store.get()).toEqual(DEFAULT_HEALTH_THRESHOLDS);
    expect(store.loadProblem).toMatchObject({ detail: expect.stringContaining('minRequests'), copy: join(dir, `${HEALTH_THRESHOLDS_FILE}.corrupt-2026-12-07T00-00-00-000Z`) });
  });
});
