/**
 * What the AWS commands (`aws snapshot`, `aws export`, `dns trace --profile`, and `serve --profile`
 * for its profile check) share: the connection options, their checks before any call, the exit
 * codes and the words for a session that did not connect — written once, so the commands agree.
 */
import type { AwsSource, AwsSourceOptions } from '../core/sources/aws/aws-source';
import { type ProblemCategory, regionProblem } from '../core/sources/aws/credentials/connect-problem';
import { DEFAULT_CHAIN } from '../core/sources/aws/credentials/default-chain';
import { listProfiles } from '../core/sources/aws/profiles/profile-list';
import { readSharedFiles, type SharedFiles } from '../core/sources/aws/profiles/shared-ini';
import type { SessionInfo } from '../core/contract';
import { UsageError } from './output';

/** Documented in README and docs/aws-mode.md; scripts and runbooks branch on them. */
export const AWS_EXIT = { credentials: 3, permission: 4, awsError: 5, network: 6, endpoint: 7, region: 8 } as const;

const CATEGORY_EXIT: Record<ProblemCategory, number> = { credentials: AWS_EXIT.credentials, network: AWS_EXIT.network, endpoint: AWS_EXIT.endpoint, region: AWS_EXIT.region };

/** Tests swap the source (e.g. one on mocked clients); the command is otherwise unchanged. */
export type CreateAwsSource = (options: AwsSourceOptions) => AwsSource;

/** --profile and --region: which account and region a command works in (`serve`, `dns trace`, the `aws` commands). */
export const AWS_PROFILE_OPTIONS = { profile: { type: 'string' }, region: { type: 'string' } } as const;

/** The `parseArgs` options every command that connects to an account takes. */
export const AWS_CONNECT_OPTIONS = { ...AWS_PROFILE_OPTIONS, 'mfa-code': { type: 'string' } } as const;

/** `--mfa-code`: exactly the six digits an MFA device shows (a UsageError otherwise). */
function parseMfaCode(text: string | undefined): string | undefined {
  if (text !== undefined && !/^\d{6}$/.test(text)) throw new UsageError(`--mfa-code must be the 6 digits your MFA device shows, got "${text.slice(0, 20)}"`);
  return text;
}

/** Why `profile` cannot be used — it is in neither shared file — and the profiles there are; undefined when it is there. */
export function missingProfileProblem(env: NodeJS.ProcessEnv, files: SharedFiles, profile: string): { message: string; named: string[] } | undefined {
  const listing = listProfiles(env, files);
  if (listing.profiles.some((p) => p.name === profile)) return undefined;
  return { message: `no profile named ${profile} in ${listing.configFile} or ${listing.credentialsFile}`, named: listing.profiles.filter((p) => p.kind !== 'default-chain').map((p) => p.name) };
}

export interface OpenedAwsSource {
  source: AwsSource;
  /** The profile asked for, or DEFAULT_CHAIN without --profile. */
  profile: string;
  /** For messages: `profile prod` or `the standard credential chain`. */
  label: string;
  /** --mfa-code, already handed to the source. */
  mfaCode: string | undefined;
}

/**
 * The MFA code checked (a UsageError), the region and the profile checked (said on stderr, with the
 * exit code, when wrong), then the source made and given the MFA code: nothing has been called yet.
 */
export function openAwsSource(values: { profile?: string; region?: string; 'mfa-code'?: string }, env: NodeJS.ProcessEnv, createSource: CreateAwsSource): OpenedAwsSource | { exit: number } {
  const mfaCode = parseMfaCode(values['mfa-code']);
  if (values.region !== undefined) {
    const bad = regionProblem(values.region);
    if (bad) {
      process.stderr.write(`flightdeck: ${bad.message}\n  fix: ${bad.hint}\n`);
      return { exit: AWS_EXIT.region };
    }
  }
  const files = readSharedFiles(env);
  const profile = values.profile ?? DEFAULT_CHAIN;
  const missing = missingProfileProblem(env, files, profile);
  if (missing) {
    process.stderr.write(`flightdeck: ${missing.message}.\n  fix: \`aws configure --profile ${profile}\`, pick one of: ${missing.named.join(', ') || '(none)'}, or leave --profile out to use the standard credential chain\n`);
    return { exit: AWS_EXIT.credentials };
  }
  const source = createSource({ profile, region: values.region, env, files });
  if (mfaCode) source.provideMfaCode(mfaCode);
  return { source, profile, label: profile === DEFAULT_CHAIN ? 'the standard credential chain' : `profile ${profile}`, mfaCode };
}

type AwsSessionInfo = Extract<SessionInfo, { mode: 'aws' }>;

/** The session when it is connected; otherwise says why on stderr (with the fix) and gives the exit code. */
export function connectedOrExit(session: SessionInfo, source: AwsSource, label: string): AwsSessionInfo | number {
  if (session.mode === 'aws' && session.credentialState === 'connected') return session;
  const s = session as AwsSessionInfo;
  process.stderr.write(`flightdeck: cannot use ${label} (${s.credentialState}): ${s.credentialMessage ?? ''}\n  fix: ${s.credentialHint ?? 'check the profile'}\n`);
  return CATEGORY_EXIT[source.lastProblem?.category ?? 'credentials'];
}
