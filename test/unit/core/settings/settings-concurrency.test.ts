/**
 * Two real processes sharing one config directory (two windows, or `serve` next to the app), each
 * making 100 updates to its own profiles at the same time: every one of the 200 must survive.
 * Before the file lock and the merge by key, each process wrote its own in-memory copy over the
 * other's and one side's updates were all lost.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '@main/core/settings/settings-store';
import { recordTrustFigures } from '../../../helpers/trust-figures';

const WRITER = resolve(__dirname, 'concurrent-writer.ts');
const TSX = resolve(__dirname, '../../../../node_modules/.bin/tsx');
const COUNT = 100;

function startWriter(dir: string, prefix: string, goFile: string): { child: ChildProcess; ready: Promise<void>; done: Promise<void> } {
  const child = spawn(TSX, [WRITER, dir, prefix, String(COUNT), goFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => (onReady = resolveReady));
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('ready')) onReady();
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<void>((resolveDone, reject) =>
    child.on('exit', (code) => (code === 0 && out.includes('done') ? resolveDone() : reject(new Error(`writer ${prefix} exited ${code}: ${err.slice(0, 2000)}`)))),
  );
  return { child, ready, done };
}

describe('settings shared by two processes', () => {
  it('keeps all 200 of 100 + 100 interleaved updates to different profiles', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-settings-two-'));
    const goFile = join(dir, 'go');
    const a = startWriter(dir, 'a', goFile);
    const b = startWriter(dir, 'b', goFile);
    try {
      await Promise.all([a.ready, b.ready]);
      writeFileSync(goFile, '');
      await Promise.all([a.done, b.done]);
    } finally {
      a.child.kill();
      b.child.kill();
    }
    const profiles = new SettingsStore(dir).view().settings.profiles;
    const names = Object.keys(profiles);
    const kept = names.filter((n) => /^[ab]-/.test(n)).length;
    recordTrustFigures('settings-concurrency', [{ figure: 'settings: updates kept, two processes × 100 interleaved (file lock + merge by key)', value: `${kept} / ${2 * COUNT}`, goal: `${2 * COUNT} / ${2 * COUNT}`, ok: kept === 2 * COUNT }]);
    expect(names.filter((n) => n.startsWith('a-'))).toHaveLength(COUNT);
    expect(names.filter((n) => n.startsWith('b-'))).toHaveLength(COUNT);
    expect(profiles['a-0']).toEqual({ readOnly: true, nonProduction: false, environmentColour: '#00ff00' });
    expect(profiles['b-99']).toEqual({ readOnly: false, nonProduction: false, environmentColour: '#00ff00' });
  }, 180_000);
});
