/**
 * Reading settings.json so that a damaged file fails closed: each profile entry is checked on its
 * own and the good ones are kept; a field that is wrong is dropped (colour) or takes its safe value
 * (read-only on, non-production off) with a diagnostic naming the profile and field. A file that
 * cannot be understood as a whole (not JSON, not an object, another program's JSON, a newer version,
 * too big) is reported
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

/**
 * What the file holds besides the fields Flightdeck reads (a team's notes, keys of a newer minor
 * version): written back as it was at every update, never dropped (review-attack t23).
 */
export interface UnknownKeys {
  top: Record<string, unknown>;
  profiles: Record<string, Record<string, unknown>>;
}

const KNOWN_TOP = new Set(['version', 'profiles']);
const KNOWN_ENTRY = new Set(['readOnly', 'nonProduction', 'environmentColour']);

export const NO_UNKNOWN_KEYS: UnknownKeys = { top: {}, profiles: {} };

export type ParsedSettings =
  | { ok: true; settings: Settings; problems: SettingsDiagnostic[]; unknown: UnknownKeys }
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
  // Another program's JSON (settings.json linked to the wrong file): neither key of ours, only others.
  // Refused as a whole so that the first update does not rewrite that program's file (review-attack t27).
  const keys = Object.keys(data);
  if (keys.length > 0 && !keys.some((key) => KNOWN_TOP.has(key))) return blocking('not-an-object', { file, found: shortName(keys.slice(0, 5).join(', ')) });
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
  return { ok: true, settings: { version: SETTINGS_VERSION, profiles: Object.fromEntries(entries) }, problems: listed, unknown: unknownKeys(data, rawProfiles, names) };
}

function others(value: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !known.has(key)));
}

function unknownKeys(data: Record<string, unknown>, rawProfiles: Record<string, unknown>, names: string[]): UnknownKeys {
  const profiles: [string, Record<string, unknown>][] = [];
  for (const name of names) {
    const entry = rawProfiles[name];
    if (!isPlainObject(entry)) continue;
    const extra = others(entry, KNOWN_ENTRY);
    if (Object.keys(extra).length > 0) profiles.push([name, extra]);
  }
  return { top: others(data, KNOWN_TOP), profiles: Object.fromEntries(profiles) };
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

/** The settings as JSON, with the file's unknown keys put back where they were (ours win on a clash). */
export function serializeSettings(settings: Settings, unknown: UnknownKeys = NO_UNKNOWN_KEYS): string {
  const profiles = Object.fromEntries(Object.entries(settings.profiles).map(([name, entry]) => [name, Object.hasOwn(unknown.profiles, name) ? Object.fromEntries([...Object.entries(unknown.profiles[name]!), ...Object.entries(entry)]) : entry]));
  const file = Object.fromEntries([['version', settings.version], ...Object.entries(unknown.top), ['profiles', profiles]]);
  return `${JSON.stringify(file, null, 2)}\n`;
}
