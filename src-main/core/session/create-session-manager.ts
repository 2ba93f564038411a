/**
 * The production wiring of a session manager: the simulator as the starting source, AWS profiles
 * from the shared files, settings and the audit log in the user's config directory (injected, so
 * tests use a temp dir). main.ts (via core-startup) and `flightdeck serve` build theirs here.
 */
import { join } from 'node:path';
import type { DataSource } from '../sources/data-source';
import { AwsSource, type AwsSourceOptions } from '../sources/aws/aws-source';
import { listProfiles } from '../sources/aws/profiles/profile-list';
import { SettingsStore } from '../settings/settings-store';
import { HealthThresholdStore } from '../settings/health-thresholds-store';
import { AuditLog } from '../actions/audit-log';
import { SessionManager } from './session-manager';

export const AUDIT_LOG_FILE = 'audit-log.jsonl';

export interface SessionManagerWiring {
  initial: DataSource;
  /** A fresh simulator source for `session.switch {mode: 'simulation'}`. */
  createSimulation?: () => DataSource;
  /** Where settings.json and audit-log.jsonl live. */
  configDirectory: string;
  env?: NodeJS.ProcessEnv;
  /** Extra AwsSource options (tests: clock, intervals). */
  aws?: Partial<AwsSourceOptions>;
  now?: () => number;
}

export function createSessionManager(wiring: SessionManagerWiring): SessionManager {
  const env = wiring.env ?? process.env;
  const settings = new SettingsStore(wiring.configDirectory);
  return new SessionManager(wiring.initial, {
    createSimulation: wiring.createSimulation,
    createAws: (profile, region, profileSettings) =>
      new AwsSource({
        profile,
        region,
        env,
        readOnly: profileSettings.readOnly,
        ...(profileSettings.environmentColour ? { environmentColour: profileSettings.environmentColour } : {}),
        ...wiring.aws,
      }),
    listProfiles: () => listProfiles(env),
    settings,
    audit: new AuditLog(join(wiring.configDirectory, AUDIT_LOG_FILE)),
    healthThresholds: new HealthThresholdStore(wiring.configDirectory),
    now: wiring.now,
  });
}
