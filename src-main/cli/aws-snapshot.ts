/**
 * `flightdeck aws snapshot [--profile P] [--region R] [--mfa-code C] [--json]`: connect, refresh
 * every dataset once, print what the UI would show, exit. Without --profile it uses the SDK's
 * standard credential chain, like `aws sts get-caller-identity` (env keys, $AWS_PROFILE or
 * default, web identity, container, IMDS). For scripts and runbooks each kind of failure has its
 * own exit code (AWS_EXIT, documented in README and docs/aws-mode.md); partial output still prints.
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AwsSource } from '../core/sources/aws/aws-source';
import { REGIONS } from '../core/sources/aws/regions';
import { formatAwsSnapshot } from './aws-snapshot-format';
import { HealthMonitor } from '../core/health/health-monitor';
import { HealthThresholdStore } from '../core/settings/health-thresholds-store';
import { defaultSettingsDirectory } from '../core/settings/settings-store';
import { UsageError } from './output';
import { AWS_CONNECT_OPTIONS, AWS_EXIT, type CreateAwsSource, connectedOrExit, openAwsSource } from './aws-connect';

export { AWS_EXIT, type CreateAwsSource } from './aws-connect';

export const AWS_SNAPSHOT_USAGE = `flightdeck aws snapshot [--profile <name>] [--region <region>] [--mfa-code <code>] [--json]
  --profile    a profile from the AWS config/credentials files (default: the SDK's standard
               credential chain, as \`aws sts get-caller-identity\`: env keys, $AWS_PROFILE or
               default, web identity, container, EC2 instance metadata)
  --region     overrides the profile's region
  --mfa-code   the current code of the profile's MFA device (asked on a terminal when missing)
  --json       print the domain snapshot as JSON (the same object the UI receives)
  exit codes   0 ok, 3 credentials, 4 a permission is missing, 5 another AWS error,
               6 network (unreachable, proxy, TLS/CA bundle), 7 endpoint not answering as AWS,
               8 region invalid or unknown

flightdeck aws regions [--json]
  every region of the SDK's partition data, opt-in regions marked`;

export async function awsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    process.stdout.write(`${AWS_SNAPSHOT_USAGE}\n`);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'snapshot') return awsSnapshot(rest);
  if (sub === 'regions') return awsRegions(rest);
  throw new UsageError(`unknown command "aws ${sub}"; did you mean \`flightdeck aws snapshot\` or \`flightdeck aws export\`?`);
}

function awsRegions(args: string[]): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(`${AWS_SNAPSHOT_USAGE}\n`);
    return 0;
  }
  if (values.json) process.stdout.write(`${JSON.stringify(REGIONS, null, 2)}\n`);
  else process.stdout.write(REGIONS.map((r) => `${r.name.padEnd(16)} ${r.description}${r.optIn ? '  (opt-in)' : ''}\n`).join(''));
  return 0;
}

/** An MFA code typed on the terminal; undefined when stdin is not a terminal (scripts use --mfa-code). */
async function askMfaCode(profile: string): Promise<string | undefined> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(`MFA code for profile ${profile}: `)).trim() || undefined;
  } finally {
    rl.close();
  }
}

export async function awsSnapshot(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  createSource: CreateAwsSource = (options) => new AwsSource(options),
  promptMfa: (profile: string) => Promise<string | undefined> = askMfaCode,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...AWS_CONNECT_OPTIONS, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${AWS_SNAPSHOT_USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const opened = openAwsSource(values, env, createSource);
  if ('exit' in opened) return opened.exit;
  const { source, profile, label, mfaCode } = opened;
  try {
    let session = await source.connect();
    if (session.mode === 'aws' && session.credentialState === 'mfa-required' && !mfaCode) {
      const code = await promptMfa(profile);
      if (code) {
        source.provideMfaCode(code);
        session = await source.connect();
      }
    }
    const connected = connectedOrExit(session, source, label);
    if (typeof connected === 'number') return connected;
    await source.refresh();
    const taken = source.snapshot();
    const thresholds = new HealthThresholdStore(defaultSettingsDirectory(env)).get();
    const snapshot = { ...taken, health: new HealthMonitor({ thresholds: () => thresholds }).reset(taken) };
    process.stdout.write(values.json ? `${JSON.stringify(snapshot, null, 2)}\n` : formatAwsSnapshot(snapshot));
    const after = source.session;
    if (after.mode === 'aws' && after.credentialState !== 'connected') {
      process.stderr.write(`flightdeck: the credentials stopped working (${after.credentialState}): ${after.credentialMessage ?? ''}\n  fix: ${after.credentialHint ?? ''}\n`);
      return after.credentialState === 'offline' ? AWS_EXIT.network : AWS_EXIT.credentials;
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
