/**
 * Scenario and template files are read only when they are regular files of at most 16 MiB: a FIFO,
 * /dev/zero or /dev/urandom is refused at once with a message naming the path (issue 10, item 7).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_SCENARIO_FILE_BYTES, readScenario } from '@main/core/scenario-files';
import { FileRefusedError, readBoundedTextFile } from '@main/core/read-bounded-file';
import { ScenarioError } from '@main/core/sources/sim/scenario/diagnostics';

const dir = mkdtempSync(join(tmpdir(), 'fd-scenario-files-'));
const posix = process.platform !== 'win32';

function refusal(read: () => unknown): ScenarioError {
  try {
    read();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('reading scenario and template files (bounded, regular files only)', () => {
  it('sets the cap at 16 MiB', () => {
    expect(MAX_SCENARIO_FILE_BYTES).toBe(16 * 1024 * 1024);
  });

  it.runIf(posix)('refuses /dev/zero as a scenario, naming the path, instead of reading forever', () => {
    const error = refusal(() => readScenario('/dev/zero'));
    expect(error.file).toBe('/dev/zero');
    expect(error.message).toBe('/dev/zero: error: refused to read this scenario file: a character device, not a regular file; only regular files are read');
    // Issue 9: the refusal crosses as a code with data (the window words the kind of file), not the English.
    expect(error.diagnostics[0]).toMatchObject({ code: 'file.refusedNotRegular', params: { what: 'scenario', fileType: 'characterDevice' } });
  });

  it.runIf(posix)('names a refused parameters file once ("this parameters file", not "parameters file file")', () => {
    const error = refusal(() => readScenario('shop', { parametersFile: '/dev/zero' }));
    expect(error.message).toContain('refused to read this parameters file: a character device');
  });

  it('a file the system cannot read carries the system’s error code (errno) beside its words', () => {
    const file = join(dir, 'plain.yaml');
    writeFileSync(file, 'Resources: {}\n');
    const error = refusal(() => readScenario(join(file, 'inside.yaml')));
    expect(error.diagnostics[0]).toMatchObject({ code: 'file.unreadable', params: { errno: 'ENOTDIR', reason: expect.stringContaining('ENOTDIR') } });
  });

  it('a file over the limit is file.refusedTooLarge with its size and the limit', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_SCENARIO_FILE_BYTES + 1);
    expect(refusal(() => readScenario(big)).diagnostics[0]).toMatchObject({ code: 'file.refusedTooLarge', params: { what: 'scenario', bytes: MAX_SCENARIO_FILE_BYTES + 1, maxBytes: MAX_SCENARIO_FILE_BYTES } });
  });

  it('a missing file is file.notFound, with the bundled scenarios when a bare name was given', () => {
    expect(refusal(() => readScenario(join(dir, 'absent.yaml'))).diagnostics[0]).toMatchObject({ code: 'file.notFound', message: 'file not found' });
    const bare = refusal(() => readScenario('no-such-scenario')).diagnostics[0]!;
    expect(bare).toMatchObject({ code: 'file.notFoundBundled', params: { bundled: expect.stringContaining('shop') } });
    expect(bare.message).toBe(`file not found (bundled scenarios: ${String(bare.params?.bundled)})`);
  });

  it.runIf(posix)('refuses /dev/urandom as a --template, naming the template', () => {
    const error = refusal(() => readScenario('shop', { template: '/dev/urandom' }));
    expect(error.file).toBe('/dev/urandom');
    expect(error.message).toContain('/dev/urandom: error: refused to read this template file: a character device, not a regular file');
  });

  it.runIf(posix)('refuses a FIFO immediately instead of waiting for a writer', () => {
    const fifo = join(dir, 'scenario.fifo');
    execFileSync('mkfifo', [fifo]);
    const error = refusal(() => readScenario(fifo));
    expect(error.message).toBe(`${fifo}: error: refused to read this scenario file: a FIFO (named pipe), not a regular file; only regular files are read`);
  });

  it('refuses a directory', () => {
    expect(refusal(() => readScenario(dir)).message).toContain('a directory, not a regular file');
  });

  it('refuses a file one byte over the cap, saying the cap, without reading it', () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '');
    truncateSync(big, MAX_SCENARIO_FILE_BYTES + 1);
    expect(refusal(() => readScenario(big)).message).toBe(`${big}: error: refused to read this scenario file: the file is ${MAX_SCENARIO_FILE_BYTES + 1} bytes, larger than the 16 MiB allowed`);
  });

  it('reads a file exactly at the cap whole', () => {
    const atLimit = join(dir, 'at-limit.yaml');
    writeFileSync(atLimit, '');
    truncateSync(atLimit, MAX_SCENARIO_FILE_BYTES);
    expect(readBoundedTextFile(atLimit, MAX_SCENARIO_FILE_BYTES)).toHaveLength(MAX_SCENARIO_FILE_BYTES);
  });

  it('reads small files in any number of chunks and refuses one over a small cap', () => {
    const file = join(dir, 'chunks.yaml');
    const text = 'x'.repeat(700_000);
    writeFileSync(file, text);
    expect(readBoundedTextFile(file, 700_000)).toBe(text);
    expect(() => readBoundedTextFile(file, 699_999)).toThrow(FileRefusedError);
  });

  it('still says "file not found" with the bundled names for an unknown name', () => {
    expect(refusal(() => readScenario('no-such-scenario')).message).toMatch(/file not found \(bundled scenarios: .*shop/);
  });
});

describe.runIf(posix)('the CLI refuses devices at once (sim run, dns trace)', () => {
  it('exits 1 from `sim run /dev/zero` and `dns trace --scenario shop --template /dev/urandom`, naming the file', async () => {
    const { main } = await import('@main/cli/index');
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      expect(await main(['sim', 'run', '/dev/zero', '--duration', '1m'])).toBe(1);
      expect(await main(['dns', 'trace', 'www.example.com', '--scenario', 'shop', '--template', '/dev/urandom'])).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toContain('/dev/zero: error: refused to read this scenario file: a character device, not a regular file');
    expect(stderr).toContain('/dev/urandom: error: refused to read this template file: a character device, not a regular file');
  });
});

describe('the CLI bounds how far it simulates', () => {
  it('refuses a --duration or --at beyond one simulated year (a digit string used to run forever)', async () => {
    const { main } = await import('@main/cli/index');
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      expect(await main(['sim', 'run', 'shop', '--duration', '9'.repeat(400)])).toBe(2);
      expect(await main(['sim', 'run', 'shop', '--duration', '367d'])).toBe(2);
      expect(await main(['dns', 'trace', 'www.example.com', '--scenario', 'global-failover', '--at', '367d'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toContain('--duration 367d is longer than the 366 days a run may last');
    expect(stderr).toContain('--at 367d is more than 366 days after the scenario starts');
  });
});
