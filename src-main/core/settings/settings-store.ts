/**
 * Flightdeck's own settings (per-profile read-only flag, environment colour, non-production mark),
 * one JSON file in the user's config directory, injected so that tests use a temp dir.
 *
 * Fails closed (settings/settings-file.ts): good entries of a damaged file are kept, a bad field
 * takes its safe value. A file that cannot be used at all (unreadable, not JSON, a newer version,
 * too big) is left exactly as it is, nothing is written, and every profile reads as read-only until
 * the operator decides (`reload` after fixing it, or `reset`, which keeps it as a copy).
 *
 * Safe with several processes sharing the config directory (two windows, `serve` and the app):
 * each update takes a file lock, re-reads the file, changes only the fields asked for on the one
 * profile, and replaces the file atomically (settings/atomic-file.ts). Keys it does not read (a
 * team's notes) are written back as they were. The file is re-read when
 * another process changed it, so a profile made read-only elsewhere is read-only here too.
 */
import { copyFileSync, lstatSync, realpathSync, renameSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { ProfileSettings, Settings, SettingsDiagnostic, SettingsUpdate, SettingsView } from '../contract/model-aws';
import { writeFileAtomic } from './atomic-file';
import { readBoundedRegularFile } from './bounded-file';
import { withFileLock, type FileLockOptions } from './file-lock';
import { CoreError } from '../core-error';
import { MAX_PROFILE_NAME_LENGTH, MAX_PROFILES, MAX_PROFILES_IN_FILE, MAX_SETTINGS_BYTES, NO_UNKNOWN_KEYS, parseSettingsText, serializeSettings, SETTINGS_VERSION, type ParsedSettings, type UnknownKeys } from './settings-file';

export const SETTINGS_FILE = 'settings.json';

const WRITABLE: ProfileSettings = { readOnly: false, nonProduction: false };
/** What every profile reads as while the file cannot be used. */
const FAIL_CLOSED: ProfileSettings = { readOnly: true, nonProduction: false };

type FileState = { kind: 'missing' } | { kind: 'read'; parsed: ParsedSettings; stamp: string };

export class SettingsStore {
  private current: Settings = { version: SETTINGS_VERSION, profiles: {} };
  /** Keys of the file Flightdeck does not read: written back untouched at each update. */
  private unknown: UnknownKeys = NO_UNKNOWN_KEYS;
  /** The blocking problem while the file cannot be used. */
  private blocking: SettingsDiagnostic | undefined;
  private warnings: SettingsDiagnostic[] = [];
  /** Copies kept (repaired, reset): reported until the next change. */
  private notices: SettingsDiagnostic[] = [];
  /** Problems of the other files in the config directory (health thresholds), shown with these. */
  private alsoReported: () => SettingsDiagnostic[] = () => [];
  /** size/mtime/inode of the file as last read: a change by another process triggers a re-read. */
  private stamp = '';
  readonly path: string;

  constructor(
    readonly directory: string,
    private readonly now: () => number = Date.now,
    private readonly lockOptions: FileLockOptions = {},
  ) {
    this.path = join(directory, SETTINGS_FILE);
    this.adopt(this.readFile());
  }

  /** True while the file cannot be used: writes are refused and every profile is read-only. */
  get blocked(): boolean {
    this.refresh();
    return this.blocking !== undefined;
  }

  view(): SettingsView {
    this.refresh();
    return {
      settings: structuredClone(this.current),
      status: this.blocking ? 'blocked' : 'ok',
      file: this.path,
      diagnostics: [...(this.blocking ? [this.blocking] : []), ...this.warnings, ...this.notices, ...this.alsoReported()],
    };
  }

  /** Another config file's problems travel with the settings diagnostics (the window's banner shows them). */
  reportAlso(diagnostics: () => SettingsDiagnostic[]): void {
    this.alsoReported = diagnostics;
  }

  profile(name: string): ProfileSettings {
    this.refresh();
    if (this.blocking || name.length > MAX_PROFILE_NAME_LENGTH) return { ...FAIL_CLOSED };
    return Object.hasOwn(this.current.profiles, name) ? { ...this.current.profiles[name]! } : { ...WRITABLE };
  }

  /** True when the file has an entry for this profile (whatever its flags). */
  has(name: string): boolean {
    this.refresh();
    return Object.hasOwn(this.current.profiles, name);
  }

  /** Changes the given fields of one profile, merged into the file as it is now on disk. */
  update(change: SettingsUpdate): SettingsView {
    if (change.profile.length === 0 || change.profile.length > MAX_PROFILE_NAME_LENGTH) {
      throw new CoreError('InvalidRequest', `Profile names in settings are 1 to ${MAX_PROFILE_NAME_LENGTH} characters (got ${change.profile.length}).`, { max: MAX_PROFILE_NAME_LENGTH, length: change.profile.length }, { problem: 'settings.profileNameLength' });
    }
    this.locked(() => {
      const state = this.readFile();
      this.adopt(state);
      if (this.blocking) {
        throw new CoreError('InvalidRequest', `Settings are not saved while ${this.path} cannot be used (${this.blocking.code}); reload it after fixing it, or start over.`, { path: this.path, blocking: this.blocking.code }, { problem: 'settings.fileBlocked' });
      }
      const profiles = this.current.profiles;
      const exists = Object.hasOwn(profiles, change.profile);
      // Full: a new entry that makes a profile read-only still fits (the reserve), anything else is refused.
      const count = Object.keys(profiles).length;
      const cap = change.readOnly === true ? MAX_PROFILES_IN_FILE : MAX_PROFILES;
      if (!exists && count >= cap) {
        throw new CoreError('InvalidRequest', `${this.path} already holds settings for ${count} profiles, the most Flightdeck keeps; remove some entries first.`, { path: this.path, max: cap }, { problem: 'settings.tooManyProfiles' });
      }
      const previous = exists ? profiles[change.profile]! : WRITABLE;
      const next: ProfileSettings = {
        readOnly: change.readOnly ?? previous.readOnly,
        nonProduction: change.nonProduction ?? previous.nonProduction,
      };
      const colour = change.environmentColour === undefined ? previous.environmentColour : (change.environmentColour ?? undefined);
      if (colour) next.environmentColour = colour;
      const settings: Settings = { version: SETTINGS_VERSION, profiles: Object.fromEntries([...Object.entries(profiles).filter(([name]) => name !== change.profile), [change.profile, next]]) };
      // Entries that were repaired are about to be rewritten: keep the file as it was first.
      const notices = state.kind === 'read' && this.warnings.length > 0 ? [this.keepCopy('repaired', copyFileSync)] : [];
      this.write(settings, this.unknown);
      this.notices = notices;
    });
    return this.view();
  }

  /** Read the file again, e.g. after the operator fixed it by hand. */
  reload(): SettingsView {
    this.notices = [];
    this.adopt(this.readFile());
    return this.view();
  }

  /**
   * Start over: the file that could not be used is renamed next to itself (never deleted) and a new
   * one is written in which each of `readOnlyProfiles` is read-only — starting over never loosens
   * protection; each profile is then made writable on its own, as a confirmed change.
   */
  reset(readOnlyProfiles: readonly string[]): SettingsView {
    const names = [...new Set(readOnlyProfiles.filter((name) => name.length > 0 && name.length <= MAX_PROFILE_NAME_LENGTH))].slice(0, MAX_PROFILES);
    this.locked(() => {
      const state = this.readFile();
      const notices = state.kind === 'read' ? [this.keepCopy('reset', renameSync)] : [];
      this.write({ version: SETTINGS_VERSION, profiles: Object.fromEntries(names.map((name) => [name, { ...FAIL_CLOSED }])) }, NO_UNKNOWN_KEYS);
      this.notices = notices;
    });
    return this.view();
  }

  private locked(work: () => void): void {
    try {
      withFileLock(this.path, work, this.lockOptions);
    } catch (error) {
      if (error instanceof CoreError) throw error;
      // A full disk, a read-only directory, a lock held too long: say so; the host stays up.
      throw new CoreError('StorageUnavailable', `Settings could not be saved to ${this.path}: ${(error as Error).message}`, { path: this.path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }, { cause: error, problem: 'settings.notSaved' });
    }
  }

  /** `unknown`: the file's keys Flightdeck does not read, kept as they are (none after a reset: the old file is kept whole). */
  private write(settings: Settings, unknown: UnknownKeys): void {
    // Through a symbolic link (settings kept in a dotfiles folder): replace the file it points to,
    // not the link.
    writeFileAtomic(linkTarget(this.path), serializeSettings(settings, unknown));
    this.current = settings;
    this.unknown = unknown;
    this.blocking = undefined;
    this.warnings = [];
    this.stamp = stampOf(statSync(this.path));
  }

  /** Keeps the file as `settings.json.<why>-<time>` next to it (copied or renamed) and says where. */
  private keepCopy(why: 'repaired' | 'reset', keep: (from: string, to: string) => void): SettingsDiagnostic {
    const copy = `${this.path}.${why}-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    keep(this.path, copy);
    return { code: why, severity: 'info', params: { file: this.path, copy } };
  }

  private refresh(): void {
    if (currentStamp(this.path) !== this.stamp) this.adopt(this.readFile());
  }

  private adopt(state: FileState): void {
    if (state.kind === 'missing') {
      this.stamp = 'missing';
      this.current = { version: SETTINGS_VERSION, profiles: {} };
      this.unknown = NO_UNKNOWN_KEYS;
      this.blocking = undefined;
      this.warnings = [];
      return;
    }
    this.stamp = state.stamp;
    if (state.parsed.ok) {
      this.current = state.parsed.settings;
      this.unknown = state.parsed.unknown;
      this.blocking = undefined;
      this.warnings = state.parsed.problems;
    } else {
      // Keep what was known before (for display only: profile() answers read-only for all).
      this.blocking = state.parsed.problem;
      this.warnings = [];
    }
  }

  /** Only a regular file of bounded size is read (settings/bounded-file.ts: a FIFO would block, /dev/zero never ends). */
  private readFile(): FileState {
    const file = readBoundedRegularFile(this.path, MAX_SETTINGS_BYTES);
    if (file.kind === 'read') return { kind: 'read', parsed: parseSettingsText(file.text, this.path), stamp: stampOf(file.stats) };
    // A link to a file that is not there (a dotfiles folder not mounted) is not "no settings".
    if (file.kind === 'missing') return isDanglingLink(this.path) ? this.unusable('unreadable', { error: 'ENOENT' }, 'unreadable') : { kind: 'missing' };
    const stamp = currentStamp(this.path);
    if (file.kind === 'not-a-file') return this.unusable('not-a-file', {}, stamp);
    if (file.kind === 'too-large') return this.unusable('too-large', { size: file.size, limit: MAX_SETTINGS_BYTES }, stamp);
    return this.unusable('unreadable', { error: file.code }, stamp);
  }

  private unusable(code: SettingsDiagnostic['code'], params: SettingsDiagnostic['params'], stamp: string): FileState {
    return { kind: 'read', stamp, parsed: { ok: false, problem: { code, severity: 'blocking', params: { file: this.path, ...params } } } };
  }
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function linkTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The stamp of whatever is at the path now (stat(2) never opens it, so a FIFO cannot block it). */
function currentStamp(path: string): string {
  try {
    return stampOf(statSync(path));
  } catch {
    return 'missing';
  }
}

function stampOf(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

/** The user's config directory for Flightdeck: $XDG_CONFIG_HOME, %APPDATA% or ~/Library/Application Support. */
export function defaultSettingsDirectory(env: NodeJS.ProcessEnv = process.env, home: string = env.HOME ?? ''): string {
  if (env.FLIGHTDECK_CONFIG_DIR) return env.FLIGHTDECK_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Flightdeck');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Flightdeck');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'flightdeck');
}
