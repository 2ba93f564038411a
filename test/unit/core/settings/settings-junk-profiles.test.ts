/**
 * Review-attack t28: filling settings.json with junk profile names must not stop an operator from
 * protecting a real profile. New entries need a profile that exists in the AWS config or
 * credentials files; a read-only entry for one still fits when the file is at its cap.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '@main/core/contract';
import { FlightdeckCore } from '@main/core/core-host';
import { AUDIT_LOG_FILE, createSessionManager } from '@main/core/session/create-session-manager';
import { readScenario } from '@main/core/scenario-files';
import { MAX_PROFILES } from '@main/core/settings/settings-file';
import { SimSource } from '@main/core/sources/sim/sim-source';
import { manualWallClock } from '../../../helpers/core';

function start(settings?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'fd-settings-junk-'));
  writeFileSync(join(dir, 'config'), '[profile prod]\nregion = eu-west-1\n[profile staging]\nregion = eu-west-1\n');
  writeFileSync(join(dir, 'credentials'), '[prod]\naws_access_key_id = AKIAPRODPRODPRODPROD\naws_secret_access_key = prod-secret\n');
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  const configDirectory = join(dir, 'flightdeck');
  mkdirSync(configDirectory);
  if (settings !== undefined) writeFileSync(join(configDirectory, 'settings.json'), settings);
  const wallClock = manualWallClock();
  const simulation = () => new SimSource(readScenario('shop'), { wallClock, paused: true });
  const sessions = createSessionManager({ initial: simulation(), createSimulation: simulation, configDirectory, env });
  return { core: new FlightdeckCore(sessions), configDirectory };
}

describe('junk profile names in settings (review-attack t28)', () => {
  it('refuses a new entry for a name that is in neither AWS file (settings.unknownProfile), audits nothing, keeps the file', async () => {
    const { core, configDirectory } = start();
    expect(await core.handle('settings.update', { profile: 'junk-0', readOnly: true })).toMatchObject({ ok: false, error: { code: 'InvalidRequest', problem: { code: 'settings.unknownProfile', params: { profile: 'junk-0' } } } });
    expect(await core.handle('settings.protection.prepare', { profile: 'junk-1', nonProduction: true })).toMatchObject({ ok: false, error: { problem: { code: 'settings.unknownProfile' } } });
    expect(await core.handle('settings.update', { profile: 'staging', readOnly: true })).toMatchObject({ ok: true });
    expect(Object.keys(JSON.parse(readFileSync(join(configDirectory, 'settings.json'), 'utf8')).profiles)).toEqual(['staging']);
    expect(readFileSync(join(configDirectory, AUDIT_LOG_FILE), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as AuditRecord).target)).toEqual(['staging', 'staging']);
  });

  it(`an entry already in settings.json (e.g. a profile since removed) can still be changed`, async () => {
    const { core } = start(JSON.stringify({ version: 1, profiles: { retired: { readOnly: false } } }));
    expect(await core.handle('settings.update', { profile: 'retired', readOnly: true })).toMatchObject({ ok: true, value: { settings: { profiles: { retired: { readOnly: true } } } } });
  });

  it(`with ${MAX_PROFILES} junk entries already in the file, making prod read-only still works`, async () => {
    const junk = Object.fromEntries(Array.from({ length: MAX_PROFILES }, (_, i) => [`junk-${i}`, { readOnly: true }]));
    const { core } = start(JSON.stringify({ version: 1, profiles: junk }));
    expect(await core.handle('settings.update', { profile: 'prod', readOnly: true })).toMatchObject({ ok: true, value: { status: 'ok', settings: { profiles: { prod: { readOnly: true } } } } });
    // Anything but a tightening still meets the cap.
    expect(await core.handle('settings.update', { profile: 'staging', environmentColour: '#00ff00' })).toMatchObject({ ok: false, error: { problem: { code: 'settings.tooManyProfiles' } } });
  });
});
