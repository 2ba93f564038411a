/** `flightdeck aws export`: usage and its bounds, before any AWS call (the run itself: test/integration/aws/twin.moto.test.ts). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsExport } from '@main/cli/aws-export';
import { awsSnapshot } from '@main/cli/aws-snapshot';
import { main } from '@main/cli/index';

let stderr: string;
let stdout: string;
beforeEach(() => {
  stderr = '';
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('flightdeck aws export', () => {
  it('is in the usage, and answers --help without running', async () => {
    expect(await main(['help'])).toBe(0);
    expect(stdout).toContain('flightdeck aws export --out <twin.yaml>');
    stdout = '';
    expect(await main(['aws', 'export', '--help'])).toBe(0);
    expect(stdout).toContain('--hours      history replayed: the last N hours (default 24, at most 744)');
  });

  it('refuses a missing --out, hours out of bounds and a malformed MFA code (exit 2)', async () => {
    expect(await main(['aws', 'export'])).toBe(2);
    expect(stderr).toContain('aws export needs --out <twin.yaml>');
    for (const hours of ['0', '745', '1e9', 'day']) {
      stderr = '';
      expect(await main(['aws', 'export', '--out', 'x.yaml', '--hours', hours])).toBe(2);
      expect(stderr).toContain('--hours must be a number of hours between 1 and 744');
    }
    stderr = '';
    expect(await main(['aws', 'export', '--out', 'x.yaml', '--mfa-code', '12'])).toBe(2);
    expect(stderr).toContain('--mfa-code must be the 6 digits');
  });

  it('checks the region and the profile as `aws snapshot` does, in the same words and exit codes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-cli-export-'));
    writeFileSync(join(dir, 'config'), '[profile prod]\nregion = eu-west-1\n');
    writeFileSync(join(dir, 'credentials'), '');
    const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
    const never = () => {
      throw new Error('no source may be made before the checks pass');
    };
    for (const args of [['--profile', 'nope'], ['--region', 'Frankfurt']]) {
      stderr = '';
      const snapshotCode = await awsSnapshot(args, env, never);
      const snapshotWords = stderr;
      stderr = '';
      expect(await awsExport([...args, '--out', join(dir, 'twin.yaml')], env, never)).toBe(snapshotCode);
      expect(stderr).toBe(snapshotWords);
    }
    expect(stderr).toContain('flightdeck: ');
    stderr = '';
    expect(await awsExport(['--profile', 'nope', '--out', join(dir, 'twin.yaml')], env, never)).toBe(3);
    expect(stderr).toContain('no profile named nope in');
    expect(stderr).toContain('pick one of: prod');
  });
});
