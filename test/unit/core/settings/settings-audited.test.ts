/**
 * Review-attack t18 and t29: health thresholds are a settings change like any other. Setting them
 * (100 % and minRequests 1e6 turn the verdicts off) or resetting them, and settings.resolve (reload,
 * start over), are audited write-ahead; a thresholds file that could not be used is reported with
 * the settings diagnostics instead of being reset silently.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord, SettingsView } from '@main/core/contract';
import { DEFAULT_HEALTH_THRESHOLDS } from '@main/core/contract/model-health';
import { FlightdeckCore } from '@main/core/core-host';
import { AUDIT_LOG_FILE, createSessionManager } from '@main/core/session/create-session-manager';
import { readScenario } from '@main/core/scenario-files';
import { HEALTH_THRESHOLDS_FILE } from '@main/core/settings/health-thresholds-store';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../../helpers/core';

const OFF = { ...DEFAULT_HEALTH_THRESHOLDS, http5xxDegradedPercent: 100, http5xxFailingPercent: 100, lambdaErrorDegradedPercent: 100, lambdaErrorFailingPercent: 100, lambdaThrottleDegradedPercent: 100, lambdaThrottleFailingPercent: 100, minRequests: 1_000_000 };

function start(options: { thresholdsFile?: string; writeLine?: (path: string, line: string) => void } = {}) {
  const configDirectory = join(mkdtempSync(join(tmpdir(), 'fd-settings-audited-')), 'flightdeck');
  mkdirSync(configDirectory);
  if (options.thresholdsFile !== undefined) writeFileSync(join(configDirectory, HEALTH_THRESHOLDS_FILE), options.thresholdsFile);
  const wallClock = manualWallClock();
  const simulation = () => new SimSource(readScenario('shop'), { wallClock, paused: true });
  const sessions = createSessionManager({ initial: simulation(), createSimulation: simulation, configDirectory, env: {}, ...(options.writeLine ? { auditLog: { writeLine: options.writeLine } } : {}) });
  return { core: new FlightdeckCore(sessions), configDirectory };
}

function audit(configDirectory: string): AuditRecord[] {
  return readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as AuditRecord);
}

describe('health thresholds and settings.resolve are audited (review-attack t18)', () => {
  it('health.thresholds.set and its reset write intent then outcome, with the thresholds as parameters', async () => {
    const { core, configDirectory } = start();
    expect(await core.handle('health.thresholds.set', { thresholds: OFF })).toEqual({ ok: true, value: OFF });
    expect(await core.handle('health.thresholds.set', { thresholds: null })).toEqual({ ok: true, value: DEFAULT_HEALTH_THRESHOLDS });
    const records = audit(configDirectory);
    expect(records.map((r) => [r.kind, r.action, r.target, r.result])).toEqual([
      ['settings', 'SetHealthThresholds', 'health-thresholds', 'intent'],
      ['settings', 'SetHealthThresholds', 'health-thresholds', 'applied'],
      ['settings', 'SetHealthThresholds', 'health-thresholds', 'intent'],
      ['settings', 'SetHealthThresholds', 'health-thresholds', 'applied'],
    ]);
    expect(records[0]!.parameters).toMatchObject({ minRequests: 1_000_000, http5xxFailingPercent: 100 });
    expect(records[2]!.parameters).toEqual({ reset: true });
    // Through audit.list as the Activity view reads it.
    const listed = await core.handle('audit.list', { limit: 10 });
    expect(listed).toMatchObject({ ok: true, value: { skippedLines: 0 } });
  });

  it('refuses new thresholds when the intent cannot be written; the old ones stay', async () => {
    const { core } = start({ writeLine: () => { throw Object.assign(new Error('no space'), { code: 'ENOSPC' }); } });
    expect(await core.handle('health.thresholds.set', { thresholds: OFF })).toMatchObject({ ok: false, error: { code: 'AuditUnavailable' } });
    expect(await core.handle('health.thresholds.get', {})).toEqual({ ok: true, value: DEFAULT_HEALTH_THRESHOLDS });
  });

  it('settings.resolve reload and reset are audited', async () => {
    const { core, configDirectory } = start();
    writeFileSync(join(configDirectory, 'settings.json'), '{"version": 2}');
    expect(await core.handle('settings.resolve', { action: 'reload' })).toMatchObject({ ok: true, value: { status: 'blocked' } });
    expect(await core.handle('settings.resolve', { action: 'reset' })).toMatchObject({ ok: true, value: { status: 'ok' } });
    expect(audit(configDirectory).map((r) => [r.action, r.target, r.parameters.action, r.result])).toEqual([
      ['ResolveSettings', 'settings.json', 'reload', 'intent'],
      ['ResolveSettings', 'settings.json', 'reload', 'applied'],
      ['ResolveSettings', 'settings.json', 'reset', 'intent'],
      ['ResolveSettings', 'settings.json', 'reset', 'applied'],
    ]);
  });
});

describe('a thresholds file that could not be used is reported (review-attack t29)', () => {
  it('a field as a string: defaults apply, and settings.get says which file, what and where the copy is, until thresholds are saved', async () => {
    const { core, configDirectory } = start({ thresholdsFile: JSON.stringify({ ...DEFAULT_HEALTH_THRESHOLDS, minRequests: '100' }) });
    expect(await core.handle('health.thresholds.get', {})).toEqual({ ok: true, value: DEFAULT_HEALTH_THRESHOLDS });
    const view = await core.handle('settings.get', {});
    expect(view.ok).toBe(true);
    const diagnostics = (view as { value: SettingsView }).value.diagnostics;
    expect(diagnostics).toEqual([
      {
        code: 'thresholds-unusable',
        severity: 'warning',
        params: { file: join(configDirectory, HEALTH_THRESHOLDS_FILE), detail: expect.stringContaining('minRequests'), copy: expect.stringContaining(`${HEALTH_THRESHOLDS_FILE}.corrupt-`) },
      },
    ]);
    // The status stays ok: profiles are not affected.
    expect((view as { value: SettingsView }).value.status).toBe('ok');
    value(await core.handle('health.thresholds.set', { thresholds: DEFAULT_HEALTH_THRESHOLDS }));
    expect(await core.handle('settings.get', {})).toMatchObject({ ok: true, value: { diagnostics: [] } });
  });
});

function value(result: { ok: boolean }): void {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
}
