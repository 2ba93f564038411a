/**
 * Sorting AWS errors into what Flightdeck does about them: retry (throttling, 5xx, timeouts), show
 * the missing IAM permission (AccessDenied), or show a credential state with its fix.
 * Error codes: docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html (throttling and
 * transient codes the SDKs retry) and each service's "Common Errors" API page.
 */
import type { RequestProblemCode } from '../../contract/model-request-problem';
import { CoreError, isCoreError } from '../../core-error';
import type { AwsServiceName } from './throttle/api-rates';

export type AwsErrorKind = 'throttled' | 'transient' | 'access-denied' | 'credentials' | 'not-found' | 'other';

const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'PriorRequestNotComplete',
  'RequestThrottled',
  'SlowDown',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'TransactionInProgressException',
]);

const ACCESS_DENIED_CODES = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'UnauthorizedException', 'NotAuthorized']);

const CREDENTIAL_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidAccessKeyId',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'CredentialsProviderError',
  'TokenProviderError',
  'InvalidSignatureException',
]);

/** The machine cannot reach AWS at all (DNS, routing, refused connections): Flightdeck is offline. */
export const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENETDOWN']);

const TRANSIENT_CODES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'InternalError', 'InternalFailure', 'ServiceUnavailable', 'InternalServerError', ...NETWORK_CODES]);

/** Whether an error (an SDK error or a Node socket error) means the network, not AWS, failed. */
export function isNetworkError(error: unknown): boolean {
  if (isAwsCallError(error)) return NETWORK_CODES.has(error.params.awsCode);
  const e = (error ?? {}) as { code?: string; name?: string; cause?: unknown };
  if ((e.code && NETWORK_CODES.has(e.code)) || (e.name && NETWORK_CODES.has(e.name))) return true;
  return e.cause !== undefined && e.cause !== error ? isNetworkError(e.cause) : false;
}

const NOT_FOUND = /NotFound|NoSuch/;

/** The IAM action prefix of each service (docs.aws.amazon.com/service-authorization/latest/reference/). */
export const IAM_PREFIX: Record<AwsServiceName, string> = {
  elbv2: 'elasticloadbalancing',
  autoscaling: 'autoscaling',
  cloudwatch: 'cloudwatch',
  route53: 'route53',
  rds: 'rds',
  lambda: 'lambda',
  sts: 'sts',
  wafv2: 'wafv2',
};

interface SdkErrorLike {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: string;
}

export function errorCode(error: unknown): string {
  const e = (error ?? {}) as SdkErrorLike;
  return e.Code ?? e.name ?? e.code ?? 'Error';
}

export function httpStatus(error: unknown): number | undefined {
  return ((error ?? {}) as SdkErrorLike).$metadata?.httpStatusCode;
}

export function classifyAwsError(error: unknown): AwsErrorKind {
  const code = errorCode(error);
  const status = httpStatus(error);
  const nodeCode = (error as { code?: string } | undefined)?.code;
  if (THROTTLING_CODES.has(code) || status === 429) return 'throttled';
  if (ACCESS_DENIED_CODES.has(code)) return 'access-denied';
  if (CREDENTIAL_CODES.has(code)) return 'credentials';
  if (TRANSIENT_CODES.has(code) || (nodeCode && TRANSIENT_CODES.has(nodeCode)) || (status !== undefined && status >= 500)) return 'transient';
  if (NOT_FOUND.test(code)) return 'not-found';
  return 'other';
}

/**
 * The IAM action that was denied: AWS says it in the message ("… is not authorized to perform:
 * rds:DescribeDBInstances on resource …"); when it does not, it is the API we called.
 */
export function missingPermission(error: unknown, service: AwsServiceName, operation: string): string {
  const message = ((error ?? {}) as SdkErrorLike).message ?? '';
  const stated = /not authorized to perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/i.exec(message);
  if (stated?.[1]) return stated[1];
  return `${IAM_PREFIX[service]}:${operation}`;
}

/** What an AWS call that failed after retries was, and how Flightdeck sorts it. */
export interface AwsCallParams {
  [key: string]: string | undefined;
  kind: AwsErrorKind;
  /** The error code as AWS (or Node, for a socket error) names it: AccessDenied, Throttling, ENOTFOUND … */
  awsCode: string;
  service: AwsServiceName;
  operation: string;
  /** AccessDenied: the IAM action to grant, e.g. `rds:DescribeDBInstances`. */
  permission?: string;
  /**
   * `unknown`: a write failed in a way that does not say whether AWS carried it out (a 5xx, a
   * timeout or a reset after sending; throttle/retry-safety.ts). It was not sent again.
   */
  outcome?: 'unknown';
}

/**
 * An AWS call that failed after retries, with what the operator needs to act on it: core's one
 * error type (CoreError `AwsCallFailed`) with the AWS side in `params`.
 */
export type AwsCallError = CoreError<AwsCallParams>;

/** The window's words for each kind (contract/model-request-problem.ts): AWS's error code is a parameter, its sentence is not. */
const AWS_CALL_PROBLEMS = {
  throttled: 'awsCall.throttled',
  transient: 'awsCall.transient',
  'access-denied': 'awsCall.accessDenied',
  credentials: 'awsCall.credentials',
  'not-found': 'awsCall.notFound',
  other: 'awsCall.other',
} as const satisfies Record<AwsErrorKind, RequestProblemCode>;

export function awsCallError(kind: AwsErrorKind, awsCode: string, message: string, service: AwsServiceName, operation: string, permission?: string): AwsCallError {
  const error = new CoreError<AwsCallParams>('AwsCallFailed', message, { kind, awsCode, service, operation, ...(permission ? { permission } : {}) }, { problem: AWS_CALL_PROBLEMS[kind] });
  error.name = 'AwsCallError';
  return error;
}

export function isAwsCallError(error: unknown): error is AwsCallError {
  return isCoreError(error, 'AwsCallFailed') && typeof error.params.kind === 'string' && typeof error.params.awsCode === 'string';
}

/** The fix an operator reads next to the failed dataset. */
export function awsCallHint(error: AwsCallError): string | undefined {
  switch (error.params.kind) {
    case 'access-denied':
      return `Grant ${error.params.permission} to this identity (see docs/iam/flightdeck-read-only.json).`;
    case 'throttled':
      return 'AWS is throttling this account; Flightdeck backs off and retries on the next poll.';
    case 'credentials':
      return 'The credentials were rejected: refresh them, then choose Retry.';
    default:
      return undefined;
  }
}

/** Wraps any SDK error as an AwsCallError (messages only: SDK errors never carry credentials). */
export function toAwsCallError(error: unknown, service: AwsServiceName, operation: string): AwsCallError {
  if (isAwsCallError(error)) return error;
  const kind = classifyAwsError(error);
  // A socket error's useful name is its Node code (ENOTFOUND), not `Error`.
  const nodeCode = (error as { code?: string } | undefined)?.code;
  const code = nodeCode && NETWORK_CODES.has(nodeCode) ? nodeCode : errorCode(error);
  const raw = ((error ?? {}) as SdkErrorLike).message || code;
  const permission = kind === 'access-denied' ? missingPermission(error, service, operation) : undefined;
  // An emulator without this API (or a proxy) answers with an HTML page the SDK cannot parse.
  const foreign = /Deserialization error|Unexpected token '<'|XML parse error/.test(raw);
  const message =
    kind === 'access-denied'
      ? `${operation} was denied: missing ${permission}`
      : foreign
        ? `${operation}: the endpoint did not answer as AWS does (HTTP ${httpStatus(error) ?? '?'}); an emulator may not implement this API.`
        : `${operation}: ${raw.split('\n')[0]}`;
  const wrapped = awsCallError(kind, code, message, service, operation, permission);
  // Kept (not enumerable, never shown): whether AWS answered at all — a proxy's 403 has no request id.
  const metadata = ((error ?? {}) as SdkErrorLike).$metadata;
  if (metadata) Object.defineProperty(wrapped, '$metadata', { value: { httpStatusCode: metadata.httpStatusCode, requestId: metadata.requestId }, enumerable: false });
  return wrapped;
}
