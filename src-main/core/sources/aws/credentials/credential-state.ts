/**
 * Turning a credential failure into a state the operator can act on, with the exact fix.
 * Messages are those of @aws-sdk/credential-provider-ini/-sso and @aws-sdk/token-providers (3.11xx)
 * and of STS (docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html).
 */
import type { SessionInfo } from '../../../contract/model';
import type { ProfileKind } from '../../../contract/model-aws';
import { errorCode } from '../aws-errors';

type AwsSession = Extract<SessionInfo, { mode: 'aws' }>;
export type CredentialState = AwsSession['credentialState'];

export interface CredentialProblem {
  state: CredentialState;
  message: string;
  hint: string;
}

export function describeCredentialError(error: unknown, profile: string, kind: ProfileKind): CredentialProblem {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500);
  const code = errorCode(error);
  const sso = `aws sso login --profile ${profile}`;
  if (/SSO session token .*not found|was not found or is invalid|SSO session associated with this profile is invalid/i.test(message)) {
    return { state: 'sso-missing', message: 'No SSO sign-in found for this profile.', hint: `Run \`${sso}\` (or Sign in from Flightdeck), then Retry.` };
  }
  if (/SSO session .*expired|Token is expired|sso.*expired/i.test(message) || (kind === 'sso' && /UnauthorizedException|ForbiddenException/.test(code))) {
    return { state: 'sso-expired', message: 'The SSO session has expired.', hint: `Run \`${sso}\` (or Sign in from Flightdeck), then Retry.` };
  }
  if (/multi-factor authentication|MFA code/i.test(message)) {
    return { state: 'mfa-required', message: `Profile ${profile} assumes a role that requires an MFA code.`, hint: 'Enter the current code from your MFA device and Retry.' };
  }
  if (code === 'ExpiredToken' || code === 'ExpiredTokenException' || /security token included in the request is expired/i.test(message)) {
    return {
      state: 'expired',
      message: 'The credentials for this profile have expired.',
      hint: kind === 'credential-process' ? `Re-run the credential process of profile ${profile}, then Retry.` : `Refresh the temporary keys for profile ${profile} (e.g. re-run the tool that wrote them, or \`aws configure --profile ${profile}\`), then Retry.`,
    };
  }
  if (code === 'InvalidClientTokenId' || code === 'SignatureDoesNotMatch' || code === 'UnrecognizedClientException' || code === 'InvalidAccessKeyId') {
    return { state: 'error', message: `AWS rejected the access key of profile ${profile} (${code}).`, hint: `Check the keys with \`aws configure --profile ${profile}\`, then Retry.` };
  }
  if (/could not be found|Could not resolve credentials|not found in shared|Unable to (find|load)|Profile .* not found|no credentials/i.test(message)) {
    return { state: 'missing', message: `No credentials found for profile ${profile}.`, hint: `Configure it with \`aws configure --profile ${profile}\` (or \`aws configure sso --profile ${profile}\`), then Retry.` };
  }
  return { state: 'error', message: `Could not get credentials for profile ${profile}: ${message}`, hint: 'Check the profile in your AWS config files, then Retry.' };
}
