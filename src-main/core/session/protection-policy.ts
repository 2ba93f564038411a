/**
 * Which settings changes loosen a profile's protection. Loosening — read-only off, or marked not
 * production (which drops the typed identifier from every action) — is itself a confirmed change;
 * tightening and colours are not. Decided in main, against the settings in force now, so a client
 * cannot loosen with a plain `settings.update` and tighten again to cover its tracks.
 */
import type { ProfileSettings, SettingsUpdate } from '../contract/model-aws';

/** The protections this change would remove (`writable`, `not production`), or undefined when none. */
export function loosenedProtection(current: Pick<ProfileSettings, 'readOnly' | 'nonProduction'>, change: Pick<SettingsUpdate, 'readOnly' | 'nonProduction'>): string[] | undefined {
  const loosened: string[] = [];
  if (change.readOnly === false && current.readOnly) loosened.push('writable');
  if (change.nonProduction === true && !current.nonProduction) loosened.push('not production');
  return loosened.length > 0 ? loosened : undefined;
}
