/**
 * Review-attack t23 and t27: a settings update must not silently delete data. Keys Flightdeck does
 * not read (a team's notes) are written back as they were; settings.json linked to another
 * program's JSON is not settings, and is left alone.
 */
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE, SettingsStore } from '@main/core/settings/settings-store';

const temp = () => mkdtempSync(join(tmpdir(), 'fd-settings-unknown-'));

describe('keys settings.json holds that Flightdeck does not read (review-attack t23)', () => {
  it('an update keeps the top-level and per-profile unknown keys as they were', () => {
    const dir = temp();
    const before = { version: 1, team: 'payments-oncall', profiles: { prod: { readOnly: true, note: 'ask Bob before writing', environmentColour: '#ff0000', alarmSound: true }, stage: { readOnly: true } } };
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify(before));
    const store = new SettingsStore(dir);
    expect(store.view()).toMatchObject({ status: 'ok', diagnostics: [] });
    store.update({ profile: 'stage', environmentColour: '#00ff00' });
    store.update({ profile: 'prod', nonProduction: false });
    expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8'))).toEqual({
      version: 1,
      team: 'payments-oncall',
      profiles: {
        prod: { readOnly: true, nonProduction: false, note: 'ask Bob before writing', environmentColour: '#ff0000', alarmSound: true },
        stage: { readOnly: true, nonProduction: false, environmentColour: '#00ff00' },
      },
    });
    // A second process reading the file sees the same flags.
    expect(new SettingsStore(dir).profile('prod')).toEqual({ readOnly: true, nonProduction: false, environmentColour: '#ff0000' });
  });

  it('an unknown key never overrides a flag Flightdeck writes, and "__proto__" stays a plain key', () => {
    const dir = temp();
    writeFileSync(join(dir, SETTINGS_FILE), '{"version":1,"__proto__":{"polluted":true},"profiles":{"prod":{"readOnly":true,"__proto__":{"readOnly":false}}}}');
    const store = new SettingsStore(dir);
    store.update({ profile: 'prod', nonProduction: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(new SettingsStore(dir).profile('prod').readOnly).toBe(true);
  });
});

describe.skipIf(process.platform === 'win32')('settings.json linked to another program\'s JSON (review-attack t27)', () => {
  it('is refused as not settings: every profile read-only, the other file untouched, no update written', () => {
    const dir = temp();
    const other = join(dir, 'other-app-config.json');
    const content = '{"name":"my-tool","dependencies":{"left-pad":"1.3.0"},"scripts":{"build":"make"}}\n';
    writeFileSync(other, content);
    symlinkSync(other, join(dir, SETTINGS_FILE));
    const store = new SettingsStore(dir);
    expect(store.view()).toMatchObject({ status: 'blocked', diagnostics: [{ code: 'not-an-object', severity: 'blocking', params: { found: 'name, dependencies, scripts' } }] });
    expect(store.profile('prod').readOnly).toBe(true);
    expect(() => store.update({ profile: 'prod', readOnly: true })).toThrow(/not saved/);
    expect(readFileSync(other, 'utf8')).toBe(content);
    expect(readdirSync(dir).sort()).toEqual(['other-app-config.json', SETTINGS_FILE]);
  });
});
