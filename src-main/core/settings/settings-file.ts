/**
 * Reading settings.json so that a damaged file fails closed: each profile entry is checked on its
 * own and the good ones are kept; a field that is wrong is dropped (colour) or takes its safe value
 * (read-only on, non-production off) with a diagnostic naming the profile and field. A file that
 * cannot be understood as a whole (not JSON, not an object, a newer version, too big) is reported
 * as blocking: the store then keeps it untouched and treats every profile as read-only.
 *
 * Pure: text in, settings and diagnostics out (the store does the file system).
 */
import type { ProfileSettings, Settings, SettingsDiagnostic } from '../contract/model-aws';

/** settings.json holds a few flags per profile: 1 MiB is thousands of times what a real one needs. */
export const MAX_SETTINGS_BYTES = 1024 * 1024;
/**
 * Far more profiles than any shared config file we have seen; bounds memory and the Settings table.
 * New entries are refused beyond it — except ones that make a profile read-only, which may use a
 * reserve above it (MAX_PROFILES_IN_FILE): protecting a profile is never refused because the file
 * is full (docs/security.md).
 */
export const MAX_PROFILES = 1000;
export const PROFILE_TIGHTENING_RESERVE = 100;
/** A file with more entries than this is refused as a whole (too-many-profiles). */
export const MAX_PROFILES_IN_FILE = MAX_PROFILES + PROFILE_TIGHTENING_RESERVE;
/** The same bound the contract puts on profile names in session.switch and settings.update. */
export const MAX_PROFILE_NAME_LENGTH = 200;
/** The one version this build writes. */
export const SETTINGS_VERSION = 1;
/** Diagnostics listed per load; more are counted, not listed, so a huge bad file cannot flood the window. */
const MAX_LISTED_DIAGNOSTICS = 50;

export type ParsedSettings =
  | { ok: true; settings: Settings; problems: SettingsDiagnostic[] }
  | { ok: false; problem: SettingsDiagnostic };

const blocking = (code: SettingsDiagnostic['code'], params: SettingsDiagnostic['params']): ParsedSettings => ({
  ok: false,
  problem: { code, severity: 'blocking', params },
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Long names are shortened in diagnostics so that the window shows which entry, not the whole of it. */
export function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

export function parseSettingsText(raw: string, file: string): ParsedSettings {
  // Editors on Windows (Notepad) save UTF-8 with a byte-order mark; JSON.parse rejects it.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // An empty file is what a crash of some other writer or a full disk leaves: not "no settings".
  if (text.trim() === '') return blocking('empty', { file });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return blocking('unparseable', { file, detail: String((error as Error).message).slice(0, 200) });
  }
  if (!isPlainObject(data)) return blocking('not-an-object', { file, found: data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data });
  const version = data.version ?? SETTINGS_VERSION;
  if (typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_VERSION) {
    return blocking('newer-version', { file, version, supported: SETTINGS_VERSION });
  }
  if (version !== SETTINGS_VERSION) return blocking('unknown-version', { file, version: String(version).slice(0, 40) });
  const rawProfiles = data.profiles ?? {};
  if (!isPlainObject(rawProfiles)) return blocking('not-an-object', { file, found: 'profiles' });
  const names = Object.keys(rawProfiles);
  if (names.length > MAX_PROFILES_IN_FILE) return blocking('too-many-profiles', { file, count: names.length, limit: MAX_PROFILES_IN_FILE });

  const problems: SettingsDiagnostic[] = [];
  const entries: [string, ProfileSettings][] = [];
  for (const name of names) {
    if (name.length === 0 || name.length > MAX_PROFILE_NAME_LENGTH) {
      problems.push({ code: 'profile-name-invalid', severity: 'warning', params: { file, profile: shortName(name), limit: MAX_PROFILE_NAME_LENGTH } });
      continue;
    }
    entries.push([name, parseEntry(name, rawProfiles[name], file, problems)]);
  }
  const listed = problems.slice(0, MAX_LISTED_DIAGNOSTICS);
  if (problems.length > listed.length) listed.push({ code: 'more-problems', severity: 'warning', params: { file, count: problems.length - listed.length } });
  // fromEntries defines own properties, so a profile called "__proto__" stays a profile.
  return { ok: true, settings: { version: SETTINGS_VERSION, profiles: Object.fromEntries(entries) }, problems: listed };
}

/** One profile's entry: each field on its own; a bad field falls back to the safe side, never to "writable". */
function parseEntry(name: string, entry: unknown, file: string, problems: SettingsDiagnostic[]): ProfileSettings {
  const profile = shortName(name);
  if (!isPlainObject(entry)) {
    problems.push({ code: 'entry-invalid', severity: 'warning', params: { file, profile, field: '*', outcome: 'read-only' } });
    return { readOnly: true, nonProduction: false };
  }
  const result: ProfileSettings = { readOnly: false, nonProduction: false };
  if (typeof entry.readOnly === 'boolean') result.readOnly = entry.readOnly;
  else if (entry.readOnly !== undefined) {
    problems.push({ code: 'entry-invalid', severity: 'warning', params: { file, profile, field: 'readOnly', outcome: 'read-only' } });
    result.readOnly = true;
  }
  if (typeof entry.nonProduction === 'boolean') result.nonProduction = entry.nonProduction;
  else if (entry.nonProduction !== undefined) {
    problems.push({ code: 'entry-invalid', severity: 'warning', params: { file, profile, field: 'nonProduction', outcome: 'production' } });
  }
  if (typeof entry.environmentColour === 'string' && /^#[0-9a-fA-F]{6}$/.test(entry.environmentColour)) result.environmentColour = entry.environmentColour;
  else if (entry.environmentColour !== undefined) {
    problems.push({ code: 'entry-invalid', severity: 'warning', params: { file, profile, field: 'environmentColour', outcome: 'dropped' } });
  }
  return result;
}

export function serializeSettings(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}
