/**
 * The SDK clients of one AWS session: proxy and CA bundle for every client (the credential
 * providers' own too), one credential provider shared by all, endpoints from the profile.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ProfileKind } from '../../contract/model-aws';
import { createAwsClients, type AwsClients, type ClientOptions } from './clients';
import { createCredentialProvider } from './credentials/credential-resolver';
import { resolveEndpoints } from './endpoints';
import { caBundlePath, createRequestHandler, loadNetworkSettings, type NetworkSettings } from './network/network-agent';
import { configSection, type SharedFiles } from './profiles/shared-ini';
import type { CallGate } from './throttle/call-gate';

export interface SessionClientsInput {
  profile: string;
  /** The config section this session reads (for the default chain, $AWS_PROFILE's or default). */
  configProfile: string;
  kind: ProfileKind;
  region: string;
  files: SharedFiles;
  env: NodeJS.ProcessEnv;
  gate: CallGate;
  now: () => number;
  mfaCode: () => string | undefined;
  onResolved: (identity: AwsCredentialIdentity) => void;
  /** Tests: replace credential resolution or client construction. */
  credentialProvider?: AwsCredentialIdentityProvider;
  createClients?: (options: ClientOptions) => AwsClients;
}

export interface SessionClients {
  clients: AwsClients;
  credentials: AwsCredentialIdentityProvider;
  /** The proxy/CA-aware handler, shared by every client (and SSO sign-in). */
  requestHandler: unknown;
  /** Set when the CA bundle cannot be read: connecting reports it instead of a TLS failure. */
  networkProblem: unknown;
}

export function buildSessionClients(input: SessionClientsInput): SessionClients {
  const endpoints = resolveEndpoints(input.files, input.configProfile, input.env);
  let network: NetworkSettings = {};
  let networkProblem: unknown;
  try {
    network = loadNetworkSettings(caBundlePath(configSection(input.files, input.configProfile)?.ca_bundle, input.env));
  } catch (error) {
    networkProblem = error;
  }
  // Proxy (HTTPS_PROXY/NO_PROXY) and CA bundle for every client, the credential providers' too.
  const requestHandler = createRequestHandler(network);
  const credentials =
    input.credentialProvider ??
    createCredentialProvider({
      profile: input.profile,
      paths: input.files.paths,
      mfaCode: input.mfaCode,
      now: input.now,
      clientConfig: innerClientConfig(input, endpoints, requestHandler),
      onResolved: input.onResolved,
    });
  const create = input.createClients ?? createAwsClients;
  const clients = create({ region: input.region, credentials, endpoints, gate: input.gate, requestHandler });
  return { clients, credentials, requestHandler, networkProblem };
}

/**
 * The clients the credential providers create themselves. Assuming a role calls STS: send it
 * where this profile's STS calls go. fromIni hands the same config to the SSO portal client, so
 * an SSO profile gets the SSO endpoint and keeps its sso_region. The default chain reads
 * $AWS_PROFILE's section, which is its own: the SDK may look the endpoint up there itself.
 */
function innerClientConfig(input: Pick<SessionClientsInput, 'kind' | 'region'>, endpoints: ReturnType<typeof resolveEndpoints>, requestHandler: unknown): Record<string, unknown> {
  if (input.kind === 'default-chain') return { requestHandler };
  const isolated = { requestHandler, ignoreConfiguredEndpointUrls: true };
  if (input.kind === 'assume-role' || input.kind === 'web-identity') return { ...isolated, region: input.region, ...(endpoints.sts ? { endpoint: endpoints.sts } : {}) };
  if (input.kind === 'sso') return { ...isolated, ...(endpoints.sso ? { endpoint: endpoints.sso } : {}) };
  return isolated;
}
