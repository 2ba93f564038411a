/**
 * `flightdeck aws snapshot [--profile P] [--region R] [--json]`: connect, refresh every dataset
 * once, print what the UI would show, exit. For scripts and runbooks: exits non-zero, with the fix,
 * when the credentials do not work (3) or a permission is missing (4); partial output still prints.
 */
import { parseArgs } from 'node:util';
import { AwsSource, type AwsSourceOptions } from '../core/sources/aws/aws-source';
import { listProfiles } from '../core/sources/aws/profiles/profile-list';
import { readSharedFiles } from '../core/sources/aws/profiles/shared-ini';
import { formatAwsSnapshot } from './aws-snapshot-format';
import { HealthMonitor } from '../core/health/health-monitor';
import { HealthThresholdStore } from '../core/settings/health-thresholds-store';
import { defaultSettingsDirectory } from '../core/settings/settings-store';
import { UsageError } from './output';

export const AWS_SNAPSHOT_USAGE = `flightdeck aws snapshot [--profile <name>] [--region <region>] [--json]
  --profile    a profile from the AWS config/credentials files (default: $AWS_PROFILE, else default)
  --region     overrides the profile's region
  --json       print the domain snapshot as JSON (the same object the UI receives)
  exit codes   0 ok, 3 credentials do not work, 4 a permission is missing, 5 another AWS error`;

export const AWS_EXIT = { credentials: 3, permission: 4, awsError: 5 } as const;

export async function awsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'snapshot') return awsSnapshot(rest);
  throw new UsageError(`unknown command "aws ${sub ?? ''}"; did you mean \`flightdeck aws snapshot\`?`);
}

/** Tests swap the source (e.g. one on mocked clients); the command is otherwise unchanged. */
export type CreateAwsSource = (options: AwsSourceOptions) => AwsSource;

export async function awsSnapshot(args: string[], env: NodeJS.ProcessEnv = process.env, createSource: CreateAwsSource = (options) => new AwsSource(options)): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { profile: { type: 'string' }, region: { type: 'string' }, json: { type: 'boolean' } } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const files = readSharedFiles(env);
  const profile = values.profile ?? (env.AWS_PROFILE || 'default');
  const listing = listProfiles(env, files);
  if (!listing.profiles.some((p) => p.name === profile)) {
    process.stderr.write(`flightdeck: no profile named ${profile} in ${listing.configFile} or ${listing.credentialsFile}.\n  fix: \`aws configure --profile ${profile}\`, or pick one of: ${listing.profiles.map((p) => p.name).join(', ') || '(none)'}\n`);
    return AWS_EXIT.credentials;
  }
  const source = createSource({ profile, region: values.region, env, files });
  try {
    const session = await source.connect();
    if (session.mode !== 'aws' || session.credentialState !== 'connected') {
      const s = session as Extract<typeof session, { mode: 'aws' }>;
      process.stderr.write(`flightdeck: cannot use profile ${profile} (${s.credentialState}): ${s.credentialMessage ?? ''}\n  fix: ${s.credentialHint ?? 'check the profile'}\n`);
      return AWS_EXIT.credentials;
    }
    await source.refresh();
    const taken = source.snapshot();
    const thresholds = new HealthThresholdStore(defaultSettingsDirectory(env)).get();
    const snapshot = { ...taken, health: new HealthMonitor({ thresholds: () => thresholds }).reset(taken) };
    process.stdout.write(values.json ? `${JSON.stringify(snapshot, null, 2)}\n` : formatAwsSnapshot(snapshot));
    const after = source.session;
    if (after.mode === 'aws' && after.credentialState !== 'connected') {
      process.stderr.write(`flightdeck: the credentials stopped working (${after.credentialState}): ${after.credentialMessage ?? ''}\n  fix: ${after.credentialHint ?? ''}\n`);
      return AWS_EXIT.credentials;
    }
    const failures = Object.entries(snapshot.datasets).filter(([, status]) => status.error);
    for (const [name, status] of failures) process.stderr.write(`flightdeck: ${name}: ${status.error!.message}${status.error!.hint ? `\n  fix: ${status.error!.hint}` : ''}\n`);
    if (failures.some(([, status]) => /AccessDenied|UnauthorizedOperation|AuthorizationError/.test(status.error!.code))) return AWS_EXIT.permission;
    if (failures.some(([, status]) => status.state === 'error' || status.state === 'stale')) return AWS_EXIT.awsError;
    return 0;
  } finally {
    source.stop();
  }
}
