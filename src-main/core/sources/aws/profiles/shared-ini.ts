/**
 * Reading the AWS shared config and credentials files the way the SDKs and the CLI do:
 * `[default]` / `[profile NAME]` / `[sso-session NAME]` / `[services NAME]` in the config file,
 * `[NAME]` in the credentials file, `key = value` lines, `#` and `;` comments, and indented
 * sub-properties under a key with an empty value (used by `services` sections:
 * `elastic_load_balancing_v2 =` ↵ `  endpoint_url = http://…`).
 * docs.aws.amazon.com/sdkref/latest/guide/file-format.html
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type IniSection = Record<string, string>;
export type IniFile = Map<string, IniSection>;

export function parseIni(text: string): IniFile {
  const sections: IniFile = new Map();
  let current: IniSection | undefined;
  let parentKey: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s[#;].*$/, '');
    if (!line.trim() || /^\s*[#;]/.test(line)) continue;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      const name = header[1]!.trim().replace(/\s+/g, ' ');
      current = sections.get(name) ?? {};
      sections.set(name, current);
      parentKey = undefined;
      continue;
    }
    if (!current) continue;
    const pair = /^(\s*)([^=]+?)\s*=\s*(.*?)\s*$/.exec(line);
    if (!pair) continue;
    const indented = pair[1]!.length > 0;
    const key = pair[2]!.trim().toLowerCase();
    const value = pair[3]!;
    if (indented && parentKey !== undefined) {
      current[`${parentKey}.${key}`] = value;
      continue;
    }
    current[key] = value;
    parentKey = value === '' ? key : undefined;
  }
  return sections;
}

export interface SharedFilePaths {
  configFile: string;
  credentialsFile: string;
}

/** AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and ~/.aws/credentials. */
export function sharedFilePaths(env: NodeJS.ProcessEnv = process.env): SharedFilePaths {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    configFile: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

export function readIniFile(path: string): IniFile {
  if (!existsSync(path)) return new Map();
  return parseIni(readFileSync(path, 'utf8'));
}

export interface SharedFiles {
  paths: SharedFilePaths;
  config: IniFile;
  credentials: IniFile;
}

export function readSharedFiles(env: NodeJS.ProcessEnv = process.env): SharedFiles {
  const paths = sharedFilePaths(env);
  return { paths, config: readIniFile(paths.configFile), credentials: readIniFile(paths.credentialsFile) };
}

/** A profile's config-file section: `[default]` or `[profile NAME]` (the CLI also accepts `[NAME]` for default only). */
export function configSection(files: SharedFiles, profile: string): IniSection | undefined {
  return files.config.get(`profile ${profile}`) ?? (profile === 'default' ? files.config.get('default') : undefined);
}
