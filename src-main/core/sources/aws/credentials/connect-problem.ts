/**
 * Why connecting failed, told apart the way an operator has to act on it — each with its own CLI
 * exit code (cli/aws-snapshot.ts) and a code + parameters the renderer translates:
 * - region: the name is malformed ("us east 1"), or well-formed but no partition has it;
 * - network: no route, DNS, refused, proxy unreachable, TLS not trusted (AWS_CA_BUNDLE), timeouts;
 * - endpoint: something answered, but not as AWS does (an HTML page, a 404 from an emulator);
 * - credentials: everything credential-state.ts sorts (missing, SSO, MFA, expired, rejected …).
 * No raw SDK or parser text (`Unexpected token '<' …`) is ever passed on.
 */
import type { ProfileKind } from '../../../contract/model-aws';
import { errorCode, httpStatus, isAwsCallError, isNetworkError, NETWORK_CODES } from '../aws-errors';
import { CaBundleError } from '../network/network-agent';
import { isRegionName, regionInfo } from '../regions';
import { describeCredentialError, type CredentialProblem } from './credential-state';
import { redactProblem } from './redact';

export type ProblemCategory = 'credentials' | 'network' | 'endpoint' | 'region';

export interface ConnectProblem extends CredentialProblem {
  category: ProblemCategory;
}

export interface ConnectContext {
  profile: string;
  kind: ProfileKind;
  region: string;
  /** The custom STS endpoint, when the profile or environment sets one. */
  endpoint?: string;
  /** The proxy the environment names for STS, if any. */
  proxy?: string;
  /** The shared files' secret values (core/redact.ts secretValues): removed from every text of the problem. */
  secrets?: readonly string[];
}

const TLS_CODES = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_UNTRUSTED', 'UNABLE_TO_GET_ISSUER_CERT']);
const FOREIGN_ANSWER = /Deserialization error|Unexpected token|is not valid JSON|XML parse|Unexpected end of JSON|Expected closing tag|char '<'|non-whitespace before first tag|Invalid character in entity name/i;

/** Every code along the error's cause chain (the SDK wraps socket errors). */
function codes(error: unknown): string[] {
  const found: string[] = [];
  for (let e = error as { code?: unknown; name?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    // A wrapped call's own code is AWS's (params.awsCode); its contract code says nothing here.
    if (isAwsCallError(e)) found.push(e.params.awsCode);
    else if (typeof e.code === 'string') found.push(e.code);
    if (typeof e.name === 'string') found.push(e.name);
  }
  return found;
}

/** A region that cannot be used, before any request is made; undefined when it is fine. */
export function regionProblem(region: string): ConnectProblem | undefined {
  if (isRegionName(region)) return undefined;
  return {
    category: 'region',
    state: 'error',
    code: 'region.invalid',
    params: { region: region.slice(0, 60) },
    message: `"${region.slice(0, 60)}" is not an AWS region name.`,
    hint: 'Use a region code such as us-east-1 or ap-northeast-2 (flightdeck aws regions lists them).',
  };
}

export function describeConnectError(error: unknown, context: ConnectContext): ConnectProblem {
  // Every text of the problem through the credential redaction: an endpoint or proxy URL can carry a password.
  return redactProblem(sortConnectError(error, context), context.secrets ?? []);
}

function sortConnectError(error: unknown, context: ConnectContext): ConnectProblem {
  if (error instanceof CaBundleError) {
    return { category: 'network', state: 'error', code: 'network.caBundle', params: { path: error.path, reason: error.reason }, message: error.message, hint: 'Point AWS_CA_BUNDLE (or the profile\'s ca_bundle) at a readable PEM file, then Retry.' };
  }
  const all = codes(error);
  const code = (isAwsCallError(error) ? error.params.awsCode : undefined) ?? all.find((c) => NETWORK_CODES.has(c) || TLS_CODES.has(c)) ?? errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (all.some((c) => TLS_CODES.has(c)) || /self[- ]signed certificate|unable to verify the first certificate|certificate has expired/i.test(message)) {
    return {
      category: 'network',
      state: 'error',
      code: 'network.tls',
      params: { reason: all.find((c) => TLS_CODES.has(c)) ?? 'certificate' },
      message: 'The TLS certificate of the AWS endpoint (or of a TLS-inspecting proxy) is not trusted.',
      hint: 'Set AWS_CA_BUNDLE (or ca_bundle in the profile) to your organisation\'s CA bundle, then Retry.',
    };
  }
  const network = isNetworkError(error) || all.some((c) => NETWORK_CODES.has(c)) || all.includes('TimeoutError');
  if (network) {
    // A well-formed region no partition knows: its endpoint host does not exist (ENOTFOUND).
    if (!context.endpoint && all.includes('ENOTFOUND') && !regionInfo(context.region)) {
      return { category: 'region', state: 'error', code: 'region.unknown', params: { region: context.region }, message: `Region ${context.region} does not exist (its endpoints have no DNS name).`, hint: 'Choose a region from the list (flightdeck aws regions), then Retry.' };
    }
    const via = context.proxy ? ` via the proxy ${context.proxy}` : '';
    return {
      category: 'network',
      state: 'offline',
      code: context.proxy ? 'network.viaProxy' : 'network.unreachable',
      params: { code: all.find((c) => NETWORK_CODES.has(c)) ?? (all.includes('TimeoutError') ? 'TimeoutError' : code), ...(context.proxy ? { proxy: context.proxy } : {}), ...(context.endpoint ? { endpoint: context.endpoint } : {}) },
      message: `Cannot reach AWS${via} (${all.find((c) => NETWORK_CODES.has(c)) ?? code}).`,
      hint: 'Flightdeck keeps trying, with backoff; check the network, VPN, HTTPS_PROXY/NO_PROXY, or the endpoint settings.',
    };
  }
  const status = httpStatus(error);
  const requestId = (error as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId;
  // A proxy that refuses the tunnel answers the CONNECT itself: a 403/407/5xx that AWS never sent (no request id).
  if (context.proxy && status !== undefined && [403, 407, 502, 503, 504].includes(status) && !requestId) {
    return {
      category: 'network',
      state: 'offline',
      code: 'network.proxyRefused',
      params: { proxy: context.proxy, status: String(status) },
      message: `Cannot reach AWS via the proxy ${context.proxy}: it answered HTTP ${status}${status === 407 ? ' (proxy authentication required)' : ''}.`,
      hint: 'Check HTTPS_PROXY (with user:password@ if the proxy needs them) and NO_PROXY, then Retry.',
    };
  }
  if (/^EndpointNotAws$/.test(errorCode(error))) {
    const where = context.endpoint ?? `the AWS endpoint for ${context.region}`;
    return { category: 'endpoint', state: 'error', code: 'endpoint.notAws', params: { endpoint: where, status: String(status ?? 200) }, message: `${where} did not answer as AWS STS does (no account in its answer).`, hint: 'Check the endpoint_url / AWS_ENDPOINT_URL setting: it must point at an AWS-compatible service.' };
  }
  const foreign = FOREIGN_ANSWER.test(message) || /did not answer as AWS does/.test(message);
  if (foreign || (context.endpoint && (status === 404 || status === 405 || status === 501))) {
    const where = context.endpoint ?? `the AWS endpoint for ${context.region}`;
    return {
      category: 'endpoint',
      state: 'error',
      code: 'endpoint.notAws',
      params: { endpoint: where, status: status === undefined ? '?' : String(status) },
      message: `${where} did not answer as AWS STS does (HTTP ${status ?? '?'}).`,
      hint: context.endpoint ? 'Check the endpoint_url / AWS_ENDPOINT_URL setting: it must point at an AWS-compatible service.' : 'A proxy or captive portal may be answering instead of AWS; check the network, then Retry.',
    };
  }
  if (/Invalid region|region is missing|Region is missing/i.test(message)) {
    return { ...regionProblem(' ')!, params: { region: context.region }, message: `Region ${context.region} cannot be used.` };
  }
  // The gate wraps SDK errors; the credential sorting reads the SDK's code and message.
  const sdkError = isAwsCallError(error) ? Object.assign(new Error(error.message.replace(/^GetCallerIdentity: /, '')), { name: error.params.awsCode }) : error;
  return { category: 'credentials', ...describeCredentialError(sdkError, context.profile, context.kind, context.secrets) };
}
