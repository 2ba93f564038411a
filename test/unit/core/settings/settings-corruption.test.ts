/**
 * Every way settings.json was seen to fail open (issue 10), plus the bounds, in one sweep: after
 * loading, the profile marked read-only in the file must still be read-only, and the file must be
 * where it was, byte for byte. The counts go to the trust table (test/helpers/trust-figures.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FILE, SettingsStore } from '@main/core/settings/settings-store';
import { MAX_PROFILES_IN_FILE, MAX_SETTINGS_BYTES } from '@main/core/settings/settings-file';
import { recordTrustFigures } from '../../../helpers/trust-figures';

const GOOD = '{"version": 1, "profiles": {"prod": {"readOnly": true}, "dev": {"readOnly": false}}}';
const VARIANTS: [string, string][] = [
  ['UTF-8 BOM', `\uFEFF${GOOD}`],
  ['bad colour on another profile', '{"version": 1, "profiles": {"prod": {"readOnly": true}, "dev": {"environmentColour": "red"}}}'],
  ['bad read-only value on the profile itself', '{"version": 1, "profiles": {"prod": {"readOnly": "yes"}}}'],
  ['entry not an object', '{"version": 1, "profiles": {"prod": 1}}'],
  ['"version": 2', '{"version": 2, "profiles": {"prod": {"readOnly": true}}}'],
  ['unknown version', '{"version": "x", "profiles": {"prod": {"readOnly": true}}}'],
  ['null', 'null'],
  ['[]', '[]'],
  ['a number', '42'],
  ['empty file', ''],
  ['whitespace only', ' \n'],
  ['truncated', GOOD.slice(0, 45)],
  ['profiles is an array', '{"version": 1, "profiles": [{"readOnly": false}]}'],
  ['larger than 1 MiB', `{"version": 1, "profiles": {"prod": {"readOnly": true}}, "pad": "${'x'.repeat(MAX_SETTINGS_BYTES)}"}`],
  ['more than the profile cap', JSON.stringify({ version: 1, profiles: Object.fromEntries([['prod', { readOnly: true }], ...Array.from({ length: MAX_PROFILES_IN_FILE }, (_, i) => [`p${i}`, {}])]) })],
];

describe('settings corruption variants', () => {
  it('none leaves the read-only profile writable, none moves or changes the file', () => {
    let writable = 0;
    let touched = 0;
    for (const [label, content] of VARIANTS) {
      const dir = mkdtempSync(join(tmpdir(), 'fd-settings-variant-'));
      writeFileSync(join(dir, SETTINGS_FILE), content);
      const store = new SettingsStore(dir);
      if (!store.profile('prod').readOnly) writable++;
      if (readFileSync(join(dir, SETTINGS_FILE), 'utf8') !== content || readdirSync(dir).length !== 1) touched++;
      expect(store.profile('prod').readOnly, label).toBe(true);
    }
    const dir = mkdtempSync(join(tmpdir(), 'fd-settings-variant-'));
    mkdirSync(join(dir, SETTINGS_FILE));
    if (!new SettingsStore(dir).profile('prod').readOnly) writable++;
    recordTrustFigures('settings-corruption', [
      { figure: 'settings.json corruption variants tried (BOM, bad entries, versions, null/[], empty, truncated, > 1 MiB, > 1100 profiles, a directory)', value: VARIANTS.length + 1, goal: '≥ 15', ok: VARIANTS.length + 1 >= 15 },
      { figure: 'settings: variants leaving a read-only profile writable / file moved or changed', value: `${writable} / ${touched}`, goal: '0 / 0', ok: writable === 0 && touched === 0 },
    ]);
    expect(writable).toBe(0);
    expect(touched).toBe(0);
  });
});
