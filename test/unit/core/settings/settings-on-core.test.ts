/**
 * A settings file that cannot be used, as the window sees it through the core: the status and its
 * diagnostic cross the contract, every AWS profile opens read-only, changes are refused, and the
 * operator's decision (settings.resolve) is what unblocks it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SettingsView } from '@main/core/contract';
import { FlightdeckCore } from '@main/core/core-host';
import { createSessionManager } from '@main/core/session/create-session-manager';
import { readScenario } from '@main/core/scenario-files';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../../helpers/core';

function coreWithSettings(content: string) {
  const dir = mkdtempSync(join(tmpdir(), 'fd-settings-core-'));
  writeFileSync(join(dir, 'config'), '[profile staging]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:9\n[profile prod]\nregion = eu-west-1\n');
  writeFileSync(join(dir, 'credentials'), '[staging]\naws_access_key_id = AKIASTAGINGSTAGING00\naws_secret_access_key = staging-secret\n');
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  const configDirectory = join(dir, 'flightdeck');
  mkdirSync(configDirectory);
  const file = join(configDirectory, 'settings.json');
  writeFileSync(file, content);
  const wallClock = manualWallClock();
  const sessions = createSessionManager({
    initial: new SimSource(readScenario('shop'), { wallClock, paused: true }),
    createSimulation: () => new SimSource(readScenario('shop'), { wallClock, paused: true }),
    configDirectory,
    env,
  });
  return { core: new FlightdeckCore(sessions), file, configDirectory };
}

describe('settings that cannot be used, through the core', () => {
  it('reports the status, opens every profile read-only, refuses changes, and starts over only when asked', async () => {
    const { core, file, configDirectory } = coreWithSettings('{"version": 2, "profiles": {"staging": {"readOnly": false}}}');
    expect(await core.handle('settings.get', {})).toMatchObject({
      ok: true,
      value: { status: 'blocked', file, diagnostics: [{ code: 'newer-version', severity: 'blocking', params: { file, version: 2 } }] },
    });
    expect(await core.handle('session.switch', { mode: 'aws', profile: 'staging' })).toMatchObject({ ok: true, value: { readOnly: true } });
    // Loosening is refused before anything else (it needs the typed confirmation); a change that is
    // not loosening is refused too, naming the file that must be decided on first.
    expect(await core.handle('settings.update', { profile: 'staging', readOnly: false })).toMatchObject({ ok: false, error: { code: 'ConfirmationRequired' } });
    expect(await core.handle('settings.update', { profile: 'staging', environmentColour: '#ff0000' })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', message: expect.stringContaining(file) } });
    expect(readFileSync(file, 'utf8')).toContain('"version": 2');

    expect(await core.handle('settings.resolve', { action: 'reload' })).toMatchObject({ ok: true, value: { status: 'blocked' } });
    const reset = await core.handle('settings.resolve', { action: 'reset' });
    expect(reset).toMatchObject({
      ok: true,
      value: {
        status: 'ok',
        settings: { profiles: { staging: { readOnly: true }, prod: { readOnly: true } } },
        diagnostics: [{ code: 'reset', severity: 'info', params: { file, copy: expect.stringContaining(join(configDirectory, 'settings.json.reset-')) } }],
      },
    });
    const copy = reset.ok ? String((reset.value as SettingsView).diagnostics[0]!.params.copy) : '';
    expect(readFileSync(copy, 'utf8')).toContain('"version": 2');
    expect(existsSync(file)).toBe(true);
    // The active session follows the new file: still read-only.
    expect(await core.handle('session.get', {})).toMatchObject({ ok: true, value: { profile: 'staging', readOnly: true } });
    expect(await core.handle('settings.resolve', { action: 'delete' } as never)).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    await core.handle('session.switch', { mode: 'simulation' });
  });
});
