/** `flightdeck aws export`: usage and its bounds, before any AWS call (the run itself: test/integration/aws/twin.moto.test.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
});
