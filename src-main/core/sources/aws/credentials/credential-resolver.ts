/**
 * Credentials for one profile, resolved in the main process only with @aws-sdk/credential-providers
 * (fromIni covers static keys, SSO, assume-role with MFA, credential_process and web identity).
 * The shared-file cache is ignored so that a profile switch — or Retry after `aws sso login` —
 * reads the files as they are now. Resolved credentials are shared by all clients of the session
 * and refreshed five minutes before they expire. Nothing here is ever logged or sent anywhere.
 */
import { fromIni } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { SharedFilePaths } from '../profiles/shared-ini';

const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

export interface CredentialResolverOptions {
  profile: string;
  paths: SharedFilePaths;
  /** Answers an MFA prompt; undefined → the prompt fails with a "requires multi-factor" error. */
  mfaCode?: () => string | undefined;
  now?: () => number;
  /** Tests replace the SDK provider. */
  provider?: AwsCredentialIdentityProvider;
  /** The STS client fromIni uses to assume a role: region and custom endpoint of the profile. */
  stsConfig?: { region?: string; endpoint?: string };
}

export function createCredentialProvider(options: CredentialResolverOptions): AwsCredentialIdentityProvider {
  const now = options.now ?? Date.now;
  const source =
    options.provider ??
    fromIni({
      profile: options.profile,
      filepath: options.paths.credentialsFile,
      configFilepath: options.paths.configFile,
      ignoreCache: true,
      ...(options.stsConfig ? { clientConfig: options.stsConfig } : {}),
      mfaCodeProvider: async (serial: string) => {
        const code = options.mfaCode?.();
        if (!code) throw new Error(`Profile ${options.profile} requires multi-factor authentication (MFA code for ${serial}).`);
        return code;
      },
    });
  let cached: AwsCredentialIdentity | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (cached && (!cached.expiration || cached.expiration.getTime() - now() > REFRESH_BEFORE_EXPIRY_MS)) return cached;
    inFlight ??= source().then(
      (identity) => {
        cached = identity;
        inFlight = undefined;
        return identity;
      },
      (error: unknown) => {
        inFlight = undefined;
        throw error;
      },
    );
    return inFlight;
  };
}
