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
import { AuditLog, type AuditLogOptions } from '../actions/audit-log';
import type { AuditActor } from '../contract/model-audit';
import { HealthThresholdStore } from '../settings/health-thresholds-store';
import { SessionManager } from './session-manager';
import { LastSessionStore, type LastSession } from './last-session';

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
  /** Who this host serves, for the audit log: the desktop window or the web page. */
  actor?: AuditActor;
  /** Tests: a writer that fails like a full disk. */
  auditLog?: AuditLogOptions;
  /**
   * Where to start: `last` restores the session recorded in last-session.json (falling back to
   * `initial` when there is none or its profile is gone); an explicit AWS profile/region
   * (`serve --profile P --region R`) wins. Default: `initial`.
   */
  startIn?: 'last' | LastSession;
}

export function createSessionManager(wiring: SessionManagerWiring): SessionManager {
  const env = wiring.env ?? process.env;
  const settings = new SettingsStore(wiring.configDirectory);
  const lastSession = new LastSessionStore(wiring.configDirectory);
  const healthThresholds = new HealthThresholdStore(wiring.configDirectory);
  // A thresholds file that could not be used is said where the settings file's problems are.
  settings.reportAlso(() => healthThresholds.diagnostics());
  const manager = new SessionManager(wiring.initial, {
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
    audit: new AuditLog(join(wiring.configDirectory, AUDIT_LOG_FILE), wiring.auditLog),
    healthThresholds,
    now: wiring.now,
    ...(wiring.actor ? { actor: wiring.actor } : {}),
    remember: (session) => lastSession.write(session.mode === 'aws' ? { mode: 'aws', profile: session.profile, region: session.region } : { mode: 'simulation' }),
  });
  const start = wiring.startIn === 'last' ? lastSession.read() : wiring.startIn;
  if (start?.mode === 'aws') {
    const known = manager.profiles().profiles.some((p) => p.name === start.profile);
    // A remembered profile that has since been removed: start in the simulator rather than fail.
    // An explicit start (`serve --profile`) is the command line's change; a restored one the host's.
    if (known) manager.opening = manager.switch({ mode: 'aws', profile: start.profile, region: start.region }, wiring.startIn === 'last' ? undefined : 'cli').catch(() => manager.active.session);
    else if (wiring.startIn !== 'last') throw new Error(`No profile named ${start.profile} in the AWS config or credentials files.`);
  }
  return manager;
}
