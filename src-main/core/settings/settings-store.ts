/**
 * Flightdeck's own settings (per-profile read-only flag, environment colour, non-production mark),
 * one JSON file in the user's config directory, injected so that tests use a temp dir.
 *
 * Written atomically (settings/atomic-file.ts). A file that cannot be parsed or fails validation is
 * moved aside as `settings.json.corrupt-<time>` and defaults load with a message saying so — the app
 * never refuses to start over its own settings, and never silently overwrites what the user had.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Settings, type ProfileSettings, type SettingsUpdate, type SettingsView } from '../contract/model-aws';
import { writeFileAtomic } from './atomic-file';

export const SETTINGS_FILE = 'settings.json';

const DEFAULTS: Settings = { version: 1, profiles: {} };

export class SettingsStore {
  private current: Settings;
  private loadMessage: string | undefined;
  readonly path: string;

  constructor(
    readonly directory: string,
    private readonly now: () => number = Date.now,
  ) {
    this.path = join(directory, SETTINGS_FILE);
    const loaded = this.load();
    this.current = loaded.settings;
    this.loadMessage = loaded.message;
  }

  private load(): SettingsView {
    if (!existsSync(this.path)) return { settings: structuredClone(DEFAULTS) };
    let problem: string;
    try {
      const parsed = Settings.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      if (parsed.success) return { settings: parsed.data };
      problem = parsed.error.issues[0]?.message ?? 'invalid settings';
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    const aside = `${this.path}.corrupt-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(this.path, aside);
    } catch {
      return { settings: structuredClone(DEFAULTS), message: `Settings file ${this.path} could not be read (${problem}) and could not be moved aside; defaults are in use.` };
    }
    return { settings: structuredClone(DEFAULTS), message: `Settings file ${this.path} could not be read (${problem}); it was moved to ${aside} and defaults are in use.` };
  }

  view(): SettingsView {
    return { settings: structuredClone(this.current), ...(this.loadMessage ? { message: this.loadMessage } : {}) };
  }

  profile(name: string): ProfileSettings {
    return this.current.profiles[name] ?? { readOnly: false, nonProduction: false };
  }

  update(change: SettingsUpdate): SettingsView {
    const previous = this.profile(change.profile);
    const next: ProfileSettings = {
      readOnly: change.readOnly ?? previous.readOnly,
      nonProduction: change.nonProduction ?? previous.nonProduction,
    };
    const colour = change.environmentColour === undefined ? previous.environmentColour : change.environmentColour ?? undefined;
    if (colour) next.environmentColour = colour;
    const settings: Settings = { ...this.current, profiles: { ...this.current.profiles, [change.profile]: next } };
    writeFileAtomic(this.path, `${JSON.stringify(settings, null, 2)}\n`);
    this.current = settings;
    this.loadMessage = undefined;
    return this.view();
  }
}

/** The user's config directory for Flightdeck: $XDG_CONFIG_HOME, %APPDATA% or ~/Library/Application Support. */
export function defaultSettingsDirectory(env: NodeJS.ProcessEnv = process.env, home: string = env.HOME ?? ''): string {
  if (env.FLIGHTDECK_CONFIG_DIR) return env.FLIGHTDECK_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Flightdeck');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Flightdeck');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'flightdeck');
}
