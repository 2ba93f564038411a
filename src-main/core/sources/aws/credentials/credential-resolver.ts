/**
 * Credentials for one profile — or for the SDK's standard chain — resolved in the main process only
 * with @aws-sdk/credential-providers: fromIni for a named profile (static keys, SSO, assume-role
 * with MFA, credential_process, web identity), fromNodeProviderChain for the default chain (env →
 * SSO → shared files → process → web identity → container → IMDS, default-chain.ts).
 * The shared-file cache is ignored so that a profile switch — or Retry after `aws sso login` —
 * reads the files as they are now. Resolved credentials are shared by all clients of the session
 * and refreshed five minutes before they expire. Nothing here is ever logged or sent anywhere.
 */
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { SharedFilePaths } from '../profiles/shared-ini';
import { DEFAULT_CHAIN } from './default-chain';

const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/** The SDK clients the providers create themselves (STS for roles and web identity, the SSO portal). */
export interface InnerClientConfig {
  region?: string;
  endpoint?: string;
  /** The session's proxy- and CA-aware handler (network-agent.ts). */
  requestHandler?: unknown;
  /** Always true: the endpoint is ours to choose, never another profile's (endpoints.ts). */
  ignoreConfiguredEndpointUrls?: boolean;
}

export interface CredentialResolverOptions {
  /** A profile name, or DEFAULT_CHAIN for the SDK's standard chain. */
  profile: string;
  paths: SharedFilePaths;
  /** Answers an MFA prompt; undefined → the prompt fails with a "requires multi-factor" error. */
  mfaCode?: () => string | undefined;
  now?: () => number;
  /** Tests replace the SDK provider. */
  provider?: AwsCredentialIdentityProvider;
  /** The config of the clients the providers create (STS to assume a role, SSO portal). */
  clientConfig?: InnerClientConfig;
  /** Sees every identity resolved (the default chain reports which link answered). */
  onResolved?: (identity: AwsCredentialIdentity) => void;
}

function sdkProvider(options: CredentialResolverOptions): AwsCredentialIdentityProvider {
  const clientConfig = (options.clientConfig ?? {}) as Record<string, unknown>;
  const mfaCodeProvider = async (serial: string) => {
    const code = options.mfaCode?.();
    if (!code) throw new Error(`Profile ${options.profile} requires multi-factor authentication (MFA code for ${serial}).`);
    return code;
  };
  if (options.profile === DEFAULT_CHAIN) {
    // No `profile`: the chain itself follows $AWS_PROFILE (and then skips env keys), as the CLI does.
    return fromNodeProviderChain({ filepath: options.paths.credentialsFile, configFilepath: options.paths.configFile, ignoreCache: true, clientConfig, mfaCodeProvider });
  }
  return fromIni({ profile: options.profile, filepath: options.paths.credentialsFile, configFilepath: options.paths.configFile, ignoreCache: true, clientConfig, mfaCodeProvider });
}

export function createCredentialProvider(options: CredentialResolverOptions): AwsCredentialIdentityProvider {
  const now = options.now ?? Date.now;
  const source = options.provider ?? sdkProvider(options);
  let cached: AwsCredentialIdentity | undefined;
  let inFlight: Promise<AwsCredentialIdentity> | undefined;
  return async () => {
    if (cached && (!cached.expiration || cached.expiration.getTime() - now() > REFRESH_BEFORE_EXPIRY_MS)) return cached;
    inFlight ??= source().then(
      (identity) => {
        cached = identity;
        inFlight = undefined;
        options.onResolved?.(identity);
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
