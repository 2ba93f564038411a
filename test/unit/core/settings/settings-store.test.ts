import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettingsDirectory, SETTINGS_FILE, SettingsStore } from '@main/core/settings/settings-store';
import { CoreError } from '@main/core/core-error';
import { MAX_PROFILE_NAME_LENGTH, MAX_PROFILES, MAX_PROFILES_IN_FILE, MAX_SETTINGS_BYTES } from '@main/core/settings/settings-file';
import { writeFileAtomic } from '@main/core/settings/atomic-file';
import { SettingsView } from '@main/core/contract';

const temp = () => mkdtempSync(join(tmpdir(), 'fd-settings-'));
const FIXED_NOW = () => Date.UTC(2026, 0, 2, 3, 4, 5);

function storeWith(content: string): { dir: string; file: string; store: SettingsStore } {
  const dir = temp();
  const file = join(dir, SETTINGS_FILE);
  writeFileSync(file, content);
  return { dir, file, store: new SettingsStore(dir, FIXED_NOW) };
}

const PROD_READ_ONLY = '{"version": 1, "profiles": {"prod": {"readOnly": true, "environmentColour": "#d32f2f"}}}';

describe('settings store', () => {
  it('starts with defaults and saves per-profile flags atomically (no temp file left behind)', () => {
    const dir = temp();
    const store = new SettingsStore(dir);
    expect(store.view()).toEqual({ settings: { version: 1, profiles: {} }, status: 'ok', file: join(dir, SETTINGS_FILE), diagnostics: [] });
    store.update({ profile: 'prod', readOnly: true, environmentColour: '#d32f2f' });
    store.update({ profile: 'dev', nonProduction: true });
    expect(readdirSync(dir).filter((f) => !f.endsWith('.lock'))).toEqual([SETTINGS_FILE]);
    const reloaded = new SettingsStore(dir);
    expect(reloaded.profile('prod')).toEqual({ readOnly: true, nonProduction: false, environmentColour: '#d32f2f' });
    expect(reloaded.profile('dev')).toEqual({ readOnly: false, nonProduction: true });
    expect(reloaded.profile('unknown')).toEqual({ readOnly: false, nonProduction: false });
    reloaded.update({ profile: 'prod', environmentColour: null });
    expect(new SettingsStore(dir).profile('prod')).toEqual({ readOnly: true, nonProduction: false });
    expect(SettingsView.safeParse(reloaded.view()).success).toBe(true);
  });

  it('accepts a UTF-8 byte-order mark (Notepad saves one)', () => {
    const { store, file } = storeWith(`\uFEFF${PROD_READ_ONLY}`);
    expect(store.view().status).toBe('ok');
    expect(store.profile('prod')).toEqual({ readOnly: true, nonProduction: false, environmentColour: '#d32f2f' });
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${PROD_READ_ONLY}`);
  });

  it('keeps the good entries when one field of another profile is bad, naming the profile and field', () => {
    const content = '{"version": 1, "profiles": {"prod": {"readOnly": true}, "dev": {"readOnly": false, "environmentColour": "red"}, "qa": {"readOnly": "yes"}, "odd": 7}}';
    const { store, file, dir } = storeWith(content);
    const view = store.view();
    expect(view.status).toBe('ok');
    expect(store.profile('prod').readOnly).toBe(true);
    // The bad colour is dropped; dev's other fields stay.
    expect(store.profile('dev')).toEqual({ readOnly: false, nonProduction: false });
    // A read-only flag that is not a boolean, or an entry that is not an object, fails closed.
    expect(store.profile('qa').readOnly).toBe(true);
    expect(store.profile('odd').readOnly).toBe(true);
    expect(view.diagnostics).toEqual([
      { code: 'entry-invalid', severity: 'warning', params: { file, profile: 'dev', field: 'environmentColour', outcome: 'dropped' } },
      { code: 'entry-invalid', severity: 'warning', params: { file, profile: 'qa', field: 'readOnly', outcome: 'read-only' } },
      { code: 'entry-invalid', severity: 'warning', params: { file, profile: 'odd', field: '*', outcome: 'read-only' } },
    ]);
    // Nothing is rewritten on load; the first change keeps a copy of the file as it was.
    expect(readFileSync(file, 'utf8')).toBe(content);
    store.update({ profile: 'staging', nonProduction: true });
    const copy = join(dir, `${SETTINGS_FILE}.repaired-2026-01-02T03-04-05-000Z`);
    expect(readFileSync(copy, 'utf8')).toBe(content);
    expect(store.view().diagnostics).toEqual([{ code: 'repaired', severity: 'info', params: { file, copy } }]);
    expect(new SettingsStore(dir).profile('qa').readOnly).toBe(true);
  });

  it.each([
    ['not JSON (truncated)', PROD_READ_ONLY.slice(0, 40), 'unparseable'],
    ['empty', '', 'empty'],
    ['null', 'null', 'not-an-object'],
    ['an array', '[]', 'not-an-object'],
    ['profiles not an object', '{"version": 1, "profiles": []}', 'not-an-object'],
    ['from a newer version', '{"version": 2, "profiles": {"prod": {"readOnly": true}}}', 'newer-version'],
    ['an unknown version', '{"version": "one", "profiles": {}}', 'unknown-version'],
  ])('keeps a file that is %s untouched, refuses writes and treats every profile as read-only', (_label, content, code) => {
    const { store, file, dir } = storeWith(content);
    const view = store.view();
    expect(view.status).toBe('blocked');
    expect(view.diagnostics[0]).toMatchObject({ code, severity: 'blocking', params: { file } });
    expect(store.profile('prod')).toEqual({ readOnly: true, nonProduction: false });
    expect(store.profile('anything')).toEqual({ readOnly: true, nonProduction: false });
    expect(() => store.update({ profile: 'prod', readOnly: false })).toThrow(CoreError);
    expect(() => store.update({ profile: 'prod', readOnly: false })).toThrow(/not saved while .*settings\.json cannot be used/);
    // Still there, byte for byte, and nothing moved next to it.
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(readdirSync(dir).filter((f) => !f.endsWith('.lock'))).toEqual([SETTINGS_FILE]);
    expect(new SettingsStore(dir).profile('dev').readOnly).toBe(true);
  });

  it('reports the version of a newer file', () => {
    const { store } = storeWith('{"version": 2, "profiles": {}}');
    expect(store.view().diagnostics[0]!.params).toMatchObject({ version: 2, supported: 1 });
  });

  it('reload: after the file is fixed by hand, its settings apply', () => {
    const { store, file } = storeWith('{"version": 1, "profiles": {');
    expect(store.blocked).toBe(true);
    writeFileSync(file, PROD_READ_ONLY);
    const view = store.reload();
    expect(view.status).toBe('ok');
    expect(store.profile('dev').readOnly).toBe(false);
    expect(store.profile('prod').readOnly).toBe(true);
  });

  it('reset: keeps the unusable file as a copy and starts over with the given profiles read-only', () => {
    const content = '{"version": 3}';
    const { store, file, dir } = storeWith(content);
    const view = store.reset(['prod', 'dev']);
    const copy = join(dir, `${SETTINGS_FILE}.reset-2026-01-02T03-04-05-000Z`);
    expect(readFileSync(copy, 'utf8')).toBe(content);
    expect(view.status).toBe('ok');
    expect(view.diagnostics).toEqual([{ code: 'reset', severity: 'info', params: { file, copy } }]);
    expect(view.settings.profiles).toEqual({ prod: { readOnly: true, nonProduction: false }, dev: { readOnly: true, nonProduction: false } });
    expect(new SettingsStore(dir).profile('prod').readOnly).toBe(true);
    store.update({ profile: 'dev', readOnly: false });
    expect(store.profile('dev').readOnly).toBe(false);
  });

  it('sees a change another process made: a profile made read-only elsewhere is read-only here', () => {
    const dir = temp();
    const here = new SettingsStore(dir);
    const elsewhere = new SettingsStore(dir);
    expect(here.profile('prod').readOnly).toBe(false);
    elsewhere.update({ profile: 'prod', readOnly: true });
    expect(here.profile('prod').readOnly).toBe(true);
    // And a file damaged elsewhere blocks here too.
    writeFileSync(join(dir, SETTINGS_FILE), 'garbage that is longer than before');
    expect(here.profile('dev').readOnly).toBe(true);
    expect(here.view().status).toBe('blocked');
  });

  it('merges by key: an update changes only its own profile and fields of the file as it is on disk', () => {
    const dir = temp();
    const a = new SettingsStore(dir);
    const b = new SettingsStore(dir);
    a.update({ profile: 'prod', readOnly: true });
    b.update({ profile: 'dev', environmentColour: '#00ff00' });
    a.update({ profile: 'dev', nonProduction: true });
    expect(new SettingsStore(dir).view().settings.profiles).toEqual({
      prod: { readOnly: true, nonProduction: false },
      dev: { readOnly: false, nonProduction: true, environmentColour: '#00ff00' },
    });
  });

  it('takes over a lock left behind by a process that died', () => {
    const dir = temp();
    const lock = join(dir, `${SETTINGS_FILE}.lock`);
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const store = new SettingsStore(dir, Date.now, { staleMs: 2000 });
    store.update({ profile: 'prod', readOnly: true });
    expect(new SettingsStore(dir).profile('prod').readOnly).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });

  it('gives up with a clear error while a live process holds the lock', () => {
    const dir = temp();
    const lock = join(dir, `${SETTINGS_FILE}.lock`);
    mkdirSync(lock);
    const store = new SettingsStore(dir, Date.now, { staleMs: 60_000, waitMs: 100 });
    expect(() => store.update({ profile: 'prod', readOnly: true })).toThrow(/locked by another Flightdeck process/);
    expect(existsSync(join(dir, SETTINGS_FILE))).toBe(false);
  });

  describe('bounds', () => {
    it(`refuses a file larger than ${MAX_SETTINGS_BYTES} bytes without reading it, and keeps it`, () => {
      const big = `{"version": 1, "profiles": {}, "pad": "${'x'.repeat(MAX_SETTINGS_BYTES)}"}`;
      const { store, file } = storeWith(big);
      expect(store.view().diagnostics[0]).toMatchObject({ code: 'too-large', params: { file, limit: MAX_SETTINGS_BYTES } });
      expect(store.profile('x').readOnly).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(big);
    });

    it('refuses a directory or FIFO in place of the file', () => {
      const dir = temp();
      mkdirSync(join(dir, SETTINGS_FILE));
      const store = new SettingsStore(dir);
      expect(store.view().diagnostics[0]).toMatchObject({ code: 'not-a-file' });
      expect(store.profile('x').readOnly).toBe(true);
      if (process.platform === 'win32') return;
      // A FIFO would block a read forever: it is never opened.
      const fifoDir = temp();
      execFileSync('mkfifo', [join(fifoDir, SETTINGS_FILE)]);
      const fifo = new SettingsStore(fifoDir);
      expect(fifo.view().diagnostics[0]).toMatchObject({ code: 'not-a-file' });
      expect(() => fifo.update({ profile: 'x', readOnly: false })).toThrow(/not saved/);
    });

    it.skipIf(process.platform === 'win32')('treats a link to a missing file as unreadable, not as "no settings"; writes through a good link', () => {
      const dir = temp();
      symlinkSync(join(dir, 'elsewhere', 'settings.json'), join(dir, SETTINGS_FILE));
      const store = new SettingsStore(dir);
      expect(store.view().diagnostics[0]).toMatchObject({ code: 'unreadable', params: { error: 'ENOENT' } });
      expect(store.profile('prod').readOnly).toBe(true);
      expect(() => store.update({ profile: 'prod', readOnly: false })).toThrow(/not saved/);
      const linked = temp();
      writeFileSync(join(linked, 'real.json'), PROD_READ_ONLY);
      symlinkSync(join(linked, 'real.json'), join(linked, SETTINGS_FILE));
      new SettingsStore(linked).update({ profile: 'dev', nonProduction: true });
      expect(lstatSync(join(linked, SETTINGS_FILE)).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(join(linked, 'real.json'), 'utf8')).profiles.dev).toEqual({ readOnly: false, nonProduction: true });
    });

    it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('reports a file it may not read as unreadable', () => {
      const { file, dir } = storeWith(PROD_READ_ONLY);
      chmodSync(file, 0o000);
      const store = new SettingsStore(dir);
      expect(store.view().diagnostics[0]).toMatchObject({ code: 'unreadable', params: { file, error: 'EACCES' } });
      expect(store.profile('dev').readOnly).toBe(true);
      chmodSync(file, 0o600);
    });

    it(`blocks a file with more than ${MAX_PROFILES_IN_FILE} profiles; at ${MAX_PROFILES} only a new read-only entry is added (review-attack t28)`, () => {
      const many = (n: number) => JSON.stringify({ version: 1, profiles: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, { readOnly: false }])) });
      const { store } = storeWith(many(MAX_PROFILES_IN_FILE + 1));
      expect(store.view().diagnostics[0]).toMatchObject({ code: 'too-many-profiles', params: { count: MAX_PROFILES_IN_FILE + 1, limit: MAX_PROFILES_IN_FILE } });
      const full = storeWith(many(MAX_PROFILES)).store;
      expect(full.view().status).toBe('ok');
      // Tightening is never refused for want of room: the reserve above the cap is for it alone.
      full.update({ profile: 'one-more', readOnly: true });
      expect(full.profile('one-more').readOnly).toBe(true);
      expect(() => full.update({ profile: 'colour-only', environmentColour: '#ff0000' })).toThrow(/profiles, the most Flightdeck keeps/);
      expect(() => full.update({ profile: 'marked-production', nonProduction: false })).toThrow(/profiles, the most Flightdeck keeps/);
      full.update({ profile: 'p0', readOnly: true });
      expect(full.profile('p0').readOnly).toBe(true);
      const brim = storeWith(many(MAX_PROFILES_IN_FILE)).store;
      expect(brim.view().status).toBe('ok');
      expect(() => brim.update({ profile: 'beyond', readOnly: true })).toThrow(/profiles, the most Flightdeck keeps/);
    });

    it(`drops entries whose name is longer than ${MAX_PROFILE_NAME_LENGTH} characters, and refuses to write one`, () => {
      const long = 'n'.repeat(MAX_PROFILE_NAME_LENGTH + 1);
      const { store } = storeWith(JSON.stringify({ version: 1, profiles: { [long]: { readOnly: false }, prod: { readOnly: true } } }));
      expect(store.view().diagnostics).toEqual([expect.objectContaining({ code: 'profile-name-invalid', params: expect.objectContaining({ limit: MAX_PROFILE_NAME_LENGTH }) })]);
      expect(String(store.view().diagnostics[0]!.params.profile).length).toBeLessThan(80);
      expect(store.profile(long).readOnly).toBe(true);
      expect(store.profile('prod').readOnly).toBe(true);
      expect(() => store.update({ profile: long, readOnly: false })).toThrow(/1 to 200 characters/);
    });

    it('lists at most 50 problems and counts the rest', () => {
      const profiles = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`p${i}`, { environmentColour: 'red' }]));
      const { store } = storeWith(JSON.stringify({ version: 1, profiles }));
      const diagnostics = store.view().diagnostics;
      expect(diagnostics).toHaveLength(51);
      expect(diagnostics[50]).toMatchObject({ code: 'more-problems', params: { count: 30 } });
      expect(SettingsView.safeParse(store.view()).success).toBe(true);
    });
  });

  it('keeps profiles named like Object.prototype members as plain profiles', () => {
    const { store } = storeWith('{"version": 1, "profiles": {"__proto__": {"readOnly": true}}}');
    expect(store.profile('__proto__').readOnly).toBe(true);
    expect(store.profile('constructor')).toEqual({ readOnly: false, nonProduction: false });
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
