import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettingsDirectory, SETTINGS_FILE, SettingsStore } from '../../../../src-main/core/settings/settings-store';
import { writeFileAtomic } from '../../../../src-main/core/settings/atomic-file';

const temp = () => mkdtempSync(join(tmpdir(), 'fd-settings-'));

describe('settings store', () => {
  it('starts with defaults and saves per-profile flags atomically (no temp file left behind)', () => {
    const dir = temp();
    const store = new SettingsStore(dir);
    expect(store.view()).toEqual({ settings: { version: 1, profiles: {} } });
    store.update({ profile: 'prod', readOnly: true, environmentColour: '#d32f2f' });
    store.update({ profile: 'dev', nonProduction: true });
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
    const reloaded = new SettingsStore(dir);
    expect(reloaded.profile('prod')).toEqual({ readOnly: true, nonProduction: false, environmentColour: '#d32f2f' });
    expect(reloaded.profile('dev')).toEqual({ readOnly: false, nonProduction: true });
    expect(reloaded.profile('unknown')).toEqual({ readOnly: false, nonProduction: false });
    reloaded.update({ profile: 'prod', environmentColour: null });
    expect(new SettingsStore(dir).profile('prod')).toEqual({ readOnly: true, nonProduction: false });
  });

  it.each([
    ['not JSON', '{"version": 1, "profiles": {'],
    ['the wrong shape', '{"version": 1, "profiles": {"prod": {"readOnly": "yes"}}}'],
  ])('moves a file with %s aside and loads defaults with a message', (_label, content) => {
    const dir = temp();
    writeFileSync(join(dir, SETTINGS_FILE), content);
    const store = new SettingsStore(dir, () => Date.UTC(2026, 0, 2, 3, 4, 5));
    const view = store.view();
    expect(view.settings).toEqual({ version: 1, profiles: {} });
    expect(view.message).toMatch(/could not be read .* moved to .*settings\.json\.corrupt-2026-01-02T03-04-05-000Z and defaults are in use/);
    expect(readFileSync(join(dir, `${SETTINGS_FILE}.corrupt-2026-01-02T03-04-05-000Z`), 'utf8')).toBe(content);
    expect(existsSync(join(dir, SETTINGS_FILE))).toBe(false);
    store.update({ profile: 'x', readOnly: true });
    expect(store.view().message).toBeUndefined();
  });

  it('writes atomically over an existing file and creates missing directories', () => {
    const dir = join(temp(), 'a', 'b');
    writeFileAtomic(join(dir, 'f.json'), 'one');
    writeFileAtomic(join(dir, 'f.json'), 'two');
    expect(readFileSync(join(dir, 'f.json'), 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['f.json']);
  });

  it('lives in the user config directory', () => {
    expect(defaultSettingsDirectory({ FLIGHTDECK_CONFIG_DIR: '/x' })).toBe('/x');
    if (process.platform === 'linux') {
      expect(defaultSettingsDirectory({ XDG_CONFIG_HOME: '/cfg' }, '/home/j')).toBe('/cfg/flightdeck');
      expect(defaultSettingsDirectory({}, '/home/j')).toBe('/home/j/.config/flightdeck');
    }
  });
});
