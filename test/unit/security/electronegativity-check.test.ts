/**
 * The Electronegativity gate must be able to fail: a window with Node integration and no sandbox,
 * not in the allow-list, makes the check exit non-zero and name the finding.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('scripts/electronegativity-check.mjs', () => {
  it('fails on a finding that is not justified in the allow-list', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fd-electronegativity-'));
    mkdirSync(join(dir, 'main'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '45.4.1' } }));
    writeFileSync(join(dir, 'main', 'main.js'), "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n");
    const run = spawnSync(process.execPath, [resolve(__dirname, '../../../scripts/electronegativity-check.mjs'), dir], {
      encoding: 'utf8',
      env: { ...process.env, FLIGHTDECK_TRUST_DIR: join(dir, 'trust') },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK main\/main.js:2/);
    // The global checks that pass on the real app fail on this one: navigation and permissions unlimited.
    expect(run.stderr).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(run.stderr).toMatch(/neither fixed nor justified/);
  });
});
