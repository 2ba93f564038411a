/**
 * The packaging config is valid for electron-builder (its own JSON schema) and sets the Electron
 * fuses the security checklist asks for. Packaging itself needs the Electron binary, which cannot
 * be downloaded here, so this is what CI can check.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');
const config = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s own configuration schema', () => {
    const schema = JSON.parse(readFileSync(resolve(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('sets the fuses: RunAsNode off, OnlyLoadAppFromAsar, asar integrity, no extra file:// privileges, no NODE_OPTIONS or --inspect', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the bundled scenarios where the packaged app looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/scenarios', to: 'scenarios' });
  });
});
