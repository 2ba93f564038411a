/**
 * Turning a credential failure into a state the operator can act on, with the exact fix.
 * Messages are those of @aws-sdk/credential-provider-ini/-sso/-process/-node and
 * @aws-sdk/token-providers (3.11xx) and of STS (docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
 * Each problem carries a code and parameters the renderer translates (en/ko); the English
 * message and hint are for the CLI and logs.
 */
import type { SessionInfo } from '../../../contract/model';
import type { ProfileKind } from '../../../contract/model-aws';
import { errorCode } from '../aws-errors';
import { DEFAULT_CHAIN } from './default-chain';
import { redactCredentialText, redactProblem } from './redact';

type AwsSession = Extract<SessionInfo, { mode: 'aws' }>;
export type CredentialState = AwsSession['credentialState'];

export interface CredentialProblem {
  state: CredentialState;
  /** i18n key under `awsProblem.` (e.g. `credentials.processFailed`). */
  code: string;
  params: Record<string, string>;
  message: string;
  hint: string;
}

/** The stderr of a failed credential_process: Node's exec error is "Command failed: <cmd>\n<stderr>". */
export function processStderr(message: string, secrets: readonly string[] = []): string | undefined {
  if (!/^Command failed:/.test(message)) return undefined;
  const stderr = message.split('\n').slice(1).join('\n').trim();
  if (!stderr) return undefined;
  // Bounded: the last lines say what went wrong; secrets a tool may print are masked.
  const lines = stderr.split('\n').slice(-10).join('\n');
  return redactCredentialText(lines.length > 1000 ? `…${lines.slice(-1000)}` : lines, secrets);
}

/**
 * `secrets`: the shared files' secret values (core/redact.ts secretValues) — a helper's stderr can
 * repeat a password from its command line that no pattern would recognise. Every text of the problem
 * (message, hint, each parameter) goes through the same redaction before it is returned.
 */
export function describeCredentialError(error: unknown, profile: string, kind: ProfileKind, secrets: readonly string[] = []): CredentialProblem {
  return redactProblem(sortCredentialError(error, profile, kind, secrets), secrets);
}

function sortCredentialError(error: unknown, profile: string, kind: ProfileKind, secrets: readonly string[]): CredentialProblem {
  const full = error instanceof Error ? error.message : String(error);
  const message = full.split('\n')[0]!.slice(0, 500);
  const code = errorCode(error);
  const chain = profile === DEFAULT_CHAIN;
  const sso = `aws sso login --profile ${profile}`;
  const stderr = processStderr(full, secrets);
  if (stderr !== undefined || /^Command failed:/.test(full)) {
    return {
      state: 'error',
      code: 'credentials.processFailed',
      params: { profile, stderr: stderr ?? '' },
      message: `The credential_process of profile ${profile} failed${stderr ? `: ${stderr}` : ' (it wrote nothing to stderr)'}`,
      hint: `Run the profile's credential_process in a terminal to see the whole error, fix it, then Retry.`,
    };
  }
  if (/credential_process (did not return|returned)/.test(message)) {
    return { state: 'error', code: 'credentials.processOutput', params: { profile }, message: `The credential_process of profile ${profile} ran but its output is not usable: ${message}`, hint: 'It must print JSON with Version 1, AccessKeyId and SecretAccessKey (docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html).' };
  }
  if (/SSO session token .*not found|was not found or is invalid|SSO session associated with this profile is invalid/i.test(message)) {
    return { state: 'sso-missing', code: 'credentials.ssoMissing', params: { profile }, message: 'No SSO sign-in found for this profile.', hint: `Run \`${sso}\` (or Sign in from Flightdeck), then Retry.` };
  }
  if (/SSO session .*expired|Token is expired|sso.*expired/i.test(message) || (kind === 'sso' && /UnauthorizedException|ForbiddenException/.test(code))) {
    return { state: 'sso-expired', code: 'credentials.ssoExpired', params: { profile }, message: 'The SSO session has expired.', hint: `Run \`${sso}\` (or Sign in from Flightdeck), then Retry.` };
  }
  if (/multi-factor authentication|MFA code/i.test(message)) {
    return { state: 'mfa-required', code: 'credentials.mfaRequired', params: { profile }, message: `Profile ${profile} assumes a role that requires an MFA code.`, hint: 'Enter the current code from your MFA device (in the app, or `--mfa-code` on the command line) and Retry.' };
  }
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException' || /security token included in the request is expired/i.test(message)) {
    return {
      state: 'expired',
      code: 'credentials.expired',
      params: { profile },
      message: 'The credentials for this profile have expired.',
      hint: kind === 'credential-process' ? `Re-run the credential process of profile ${profile}, then Retry.` : `Refresh the temporary keys for profile ${profile} (e.g. re-run the tool that wrote them, or \`aws configure --profile ${profile}\`), then Retry.`,
    };
  }
  if (code === 'InvalidClientTokenId' || code === 'SignatureDoesNotMatch' || code === 'UnrecognizedClientException' || code === 'InvalidAccessKeyId') {
    return { state: 'error', code: 'credentials.rejected', params: { profile, code }, message: `AWS rejected the access key of profile ${profile} (${code}).`, hint: chain ? 'Check the keys the environment provides, then Retry.' : `Check the keys with \`aws configure --profile ${profile}\`, then Retry.` };
  }
  if (chain && /Could not load credentials from any providers|could not be found|Unable to (find|load)/i.test(message)) {
    return {
      state: 'missing',
      code: 'credentials.chainEmpty',
      params: {},
      message: 'No link of the standard credential chain answered (environment, shared files, web identity, container, instance metadata).',
      hint: 'Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or AWS_PROFILE, run `aws configure`, or run where a role is provided (ECS, EKS, EC2), then Retry.',
    };
  }
  if (/could not be found|Could not resolve credentials|not found in shared|Unable to (find|load)|Profile .* not found|no credentials/i.test(message)) {
    return { state: 'missing', code: 'credentials.missing', params: { profile }, message: `No credentials found for profile ${profile}.`, hint: `Configure it with \`aws configure --profile ${profile}\` (or \`aws configure sso --profile ${profile}\`), then Retry.` };
  }
  const detail = redactCredentialText(message, secrets);
  return { state: 'error', code: 'credentials.other', params: { profile, detail }, message: `Could not get credentials for profile ${profile}: ${detail}`, hint: 'Check the profile in your AWS config files, then Retry.' };
}
