/**
 * The SDK's standard credential chain — what `aws sts get-caller-identity` uses with no --profile —
 * for operators whose credentials are not (only) in a named profile: CI jobs and aws-vault (env
 * keys), ECS/EKS tasks (container endpoint), EC2 instance roles (IMDSv2), EKS IRSA (web identity).
 * Order (fromNodeProviderChain, docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html):
 * env → SSO → shared files ($AWS_PROFILE or default) → credential_process → web identity token
 * file → container endpoint → IMDS.
 *
 * Which link answered is read from the feature marks the SDK sets on what each provider returns
 * (`$source`, the same ids the SDK reports in its User-Agent, @aws-sdk/types feature-ids). The
 * container and IMDS providers of @smithy/credential-provider-imds set none; an unmarked answer
 * comes from the container endpoint when one is configured, else from IMDS (the chain's last links).
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import type { CredentialSource } from '../../../contract/model-aws';

/** The profile-list name of the chain: not a valid profile name in the shared files (they have no parentheses in practice). */
export const DEFAULT_CHAIN = '(default chain)';

/** Feature ids → the chain link, most specific first (web identity via env also marks env). */
const FEATURE_SOURCES: [string, CredentialSource][] = [
  ['CREDENTIALS_ENV_VARS_STS_WEB_ID_TOKEN', 'web-identity'],
  ['CREDENTIALS_STS_ASSUME_ROLE_WEB_ID', 'web-identity'],
  ['CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN', 'web-identity'],
  ['CREDENTIALS_PROFILE_SSO', 'sso'],
  ['CREDENTIALS_PROFILE_SSO_LEGACY', 'sso'],
  ['CREDENTIALS_SSO', 'sso'],
  ['CREDENTIALS_SSO_LEGACY', 'sso'],
  ['CREDENTIALS_PROFILE_PROCESS', 'process'],
  ['CREDENTIALS_PROCESS', 'process'],
  ['CREDENTIALS_HTTP', 'container'],
  ['CREDENTIALS_IMDS', 'imds'],
  ['CREDENTIALS_ENV_VARS', 'env'],
  ['CREDENTIALS_PROFILE_SOURCE_PROFILE', 'profile'],
  ['CREDENTIALS_PROFILE', 'profile'],
  ['CREDENTIALS_PROFILE_NAMED_PROVIDER', 'profile'],
];

export function answeredBy(identity: AwsCredentialIdentity, env: NodeJS.ProcessEnv): CredentialSource {
  const marks = (identity as { $source?: Record<string, string> }).$source ?? {};
  for (const [feature, source] of FEATURE_SOURCES) if (feature in marks) return source;
  return env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ? 'container' : 'imds';
}

/**
 * The link the chain will most likely use, from the environment alone (nothing is asked): shown
 * in the profile list before connecting. The session reports the link that really answered.
 */
export function expectedSource(env: NodeJS.ProcessEnv, profileExists: boolean): CredentialSource {
  const profile = env.AWS_PROFILE;
  if (!profile && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return 'env';
  if (profileExists) return 'profile';
  if (env.AWS_ROLE_ARN && env.AWS_WEB_IDENTITY_TOKEN_FILE) return 'web-identity';
  if (env.AWS_CONTAINER_CREDENTIALS_FULL_URI || env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI) return 'container';
  return 'imds';
}

/** The profile whose config section the chain reads (region, endpoint, ca_bundle): $AWS_PROFILE, else default. */
export function chainProfile(env: NodeJS.ProcessEnv): string {
  return env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default';
}
