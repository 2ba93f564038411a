/**
 * The dependency rules (.dependency-cruiser.cjs) are only worth having if they can fail: this runs
 * the real config over a small throw-away tree that breaks each rule once and checks every break is
 * reported by name.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'flightdeck-depcruise-'));

function file(path: string, text: string): void {
  mkdirSync(dirname(join(work, path)), { recursive: true });
  writeFileSync(join(work, path), text);
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dependency rules (npm run lint:deps)', () => {
  it('reports a cycle, a sim→aws import, a core→shell import and renderer imports of Node or non-contract main code', async () => {
    copyFileSync(join(root, '.dependency-cruiser.cjs'), join(work, '.dependency-cruiser.cjs'));
    for (const name of ['tsconfig.base.json', 'tsconfig.web.json']) copyFileSync(join(root, name), join(work, name));
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    file('src-main/core/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    file('src-main/core/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    file('src-main/core/sources/aws/x.ts', 'export const x = 1;\n');
    file('src-main/core/sources/sim/s.ts', "import { x } from '../aws/x';\nexport const s = x;\n");
    file('src-main/cli/tool.ts', 'export const tool = 1;\n');
    file('src-main/core/uses-cli.ts', "import { tool } from '../cli/tool';\nexport const t = tool;\n");
    file('src-main/core/contract/c.ts', 'export const c = 1;\n');
    // The host dispatches only (issue 9 item 5): a simulator import from core-host.ts is reported.
    file('src-main/core/core-host.ts', "import { s } from './sources/sim/s';\nexport const host = s;\n");
    file('src-renderer/src/r.ts', "import { readFileSync } from 'node:fs';\nimport { x } from '../../src-main/core/sources/aws/x';\nimport { c } from '../../src-main/core/contract/c';\nexport const r = [readFileSync, x, c];\n");

    const result = await run('node', [join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'src-main', 'src-renderer/src', '--config', '.dependency-cruiser.cjs'], { cwd: work }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(result.code).not.toBe(0);
    for (const rule of ['no-cycles-main', 'sim-never-aws', 'core-never-imports-shells', 'renderer-browser-only', 'renderer-only-contract-from-main', 'host-dispatches-only']) {
      expect(result.stdout, rule).toContain(`error ${rule}:`);
    }
    // Importing the contract is the one allowed way for the renderer to reach src-main.
    expect(result.stdout).not.toMatch(/renderer-only-contract-from-main: src-renderer\/src\/r\.ts → src-main\/core\/contract/);
  }, 180_000);
});
